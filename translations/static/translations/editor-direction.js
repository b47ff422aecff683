// A rich-text editor writes in the direction and language of the field it stands for:
// the Arabic tabs' editors are right to left, with lang="ar". They are set on the editor's
// wrapper, which the editor leaves alone, and so hold for everything inside it.
"use strict";
(function () {
  function follow(wrapper) {
    const field = wrapper.querySelector("textarea[dir]");
    if (!field || wrapper.dir === field.dir) {
      return;
    }
    wrapper.dir = field.dir;
    if (field.lang) {
      wrapper.lang = field.lang;
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
