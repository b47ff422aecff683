// A rich-text editor writes in the direction and language of the field it stands for:
// the Arabic tabs' editors are right to left, with lang="ar".
"use strict";
(function () {
  function follow(wrapper) {
    const field = wrapper.querySelector("textarea[dir]");
    const editable = wrapper.querySelector(".ProseMirror[contenteditable]");
    if (!field || !editable || editable.dir === field.dir) {
      return;
    }
    editable.dir = field.dir;
    if (field.lang) {
      editable.lang = field.lang;
    }
  }
  function followAll() {
    document.querySelectorAll(".prose-editor").forEach(follow);
  }
  // The editors are built by a module after the page loads; follow them as they appear.
  new MutationObserver(followAll).observe(document.documentElement, {
    childList: true,
    subtree: true,
  });
  document.addEventListener("DOMContentLoaded", followAll);
})();
