// The link chooser hands the chosen page's address to the editor's link dialog that
// opened it, by a message to that window (editorial/link-targets.js listens).
"use strict";
document.addEventListener("click", function (event) {
  const button = event.target.closest("[data-link-target]");
  if (!button) {
    return;
  }
  const editor = window.opener;
  if (!editor || editor.closed) {
    document.querySelector(".link-chooser__closed").hidden = false;
    return;
  }
  editor.postMessage({ linkTarget: button.dataset.linkTarget }, window.location.origin);
  window.close();
});
