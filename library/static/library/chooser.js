// The image chooser hands the chosen image to the rich-text editor that opened it, by the
// number that editor gave (django-prose-editor's Figure speaks CKEditor's protocol).
"use strict";
document.addEventListener("click", function (event) {
  const button = event.target.closest("[data-choose-image]");
  const chooser = document.querySelector("[data-editor-callback]");
  if (!button || !chooser) {
    return;
  }
  const editor = window.opener;
  if (!editor || editor.closed || !editor.CKEDITOR) {
    document.querySelector(".image-chooser__closed").hidden = false;
    return;
  }
  editor.CKEDITOR.tools.callFunction(Number(chooser.dataset.editorCallback), button.dataset.url, {
    id: button.dataset.id,
    alternative_text: button.dataset.alt,
    caption: button.dataset.caption,
  });
  window.close();
});
