type RailHeadingProps = { children: React.ReactNode; id?: string; eyebrow?: string };

/** The heading of a sidebar or home-page block, with a brand-coloured rule. */
export function RailHeading({ children, id, eyebrow }: RailHeadingProps) {
  return (
    <h2 id={id} className="mb-3 flex items-baseline gap-2 border-b-2 border-ink pb-1.5 text-lg font-bold">
      {eyebrow && <span className="text-xs font-bold tracking-widest text-brand">{eyebrow}</span>}
      {children}
    </h2>
  );
}
