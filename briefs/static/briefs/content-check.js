// The content check's links go to the field at fault: open its language's tab first, then
// move focus into the field (its rich-text editor, where it has one).
document.addEventListener("click", (event) => {
  const link = event.target.closest("a.content-fault-link");
  if (!link) return;
  const href = link.getAttribute("href");
  if (!href.startsWith("#id_")) return; // put right elsewhere: followed as a link
  const name = href.replace(/^#id_/, "");
  const row = document.querySelector(`.field-${CSS.escape(name)}`);
  if (!row) return;
  event.preventDefault();
  for (let panel = row.parentElement; panel; panel = panel.parentElement) {
    const tab = panel.id && document.querySelector(`[role=tab][aria-controls="${CSS.escape(panel.id)}"]`);
    if (tab) (tab.querySelector("a") || tab).click();
  }
  // A rich-text field's editor, not the hidden textarea it writes into.
  const field =
    row.querySelector("[contenteditable=true]") ||
    [...row.querySelectorAll("textarea, input, select")].find((f) => f.offsetParent !== null);
  row.scrollIntoView({ block: "center" });
  if (field) field.focus();
});
