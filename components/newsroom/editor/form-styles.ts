/** The editor's text inputs and buttons, shared by the form and its field components. */
export const inputClass = 'mt-1 block w-full rounded border border-rule bg-white px-3 py-2';
export const buttonClass = 'rounded px-4 py-2 text-sm font-bold disabled:opacity-50';
