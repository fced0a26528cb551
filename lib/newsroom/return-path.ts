/**
 * Where sign-in may send the editor afterwards: only newsroom paths, never
 * another site (`//evil.example`, `/\evil.example`) and never a header
 * injection; anything else is the article list.
 */
export function toReturnPath(value: string | null | undefined): string {
  if (!value || !/^\/newsroom(?:[/?#]|$)/.test(value) || /[\\\r\n\t]/.test(value) || value.includes('//')) return '/newsroom';
  return value;
}
