type WithSidebarProps = { children: React.ReactNode; sidebar: React.ReactNode };

/** Main column and sidebar; the sidebar drops below the content on phones, and is not printed. */
export function WithSidebar({ children, sidebar }: WithSidebarProps) {
  return (
    <div className="grid grid-cols-1 gap-10 lg:grid-cols-[minmax(0,1fr)_320px] print:block">
      <div className="min-w-0">{children}</div>
      <aside aria-label="サイドバー" className="min-w-0 space-y-8 print:hidden">
        {sidebar}
      </aside>
    </div>
  );
}
