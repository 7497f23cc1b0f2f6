/** Shows the print buttons (useless without JavaScript, so hidden by default) and wires them. */
export function enablePrintButtons(root: Document): void {
  for (const holder of root.querySelectorAll<HTMLElement>('[data-print-action]')) holder.hidden = false;
  for (const button of root.querySelectorAll<HTMLButtonElement>('[data-print]')) {
    button.addEventListener('click', () => window.print());
  }
}
