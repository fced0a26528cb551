/**
 * C0/C1 controls and bidi overrides never belong in copy; they hide text or
 * reorder it on screen (Trojan Source). Tabs and newlines survive in the
 * body and a 訂正 notice only. Pure, so client forms may import it.
 */
export const CONTROLS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/g;
