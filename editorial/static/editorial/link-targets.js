// The editor's link dialog, with a button beside the URL that finds a brief or an expert
// on the site (the link chooser, a window like the figure tool's) in the language of the
// text being written. Otherwise it is django-prose-editor's own Link, which it replaces.
import { Link as EditorLink, gettext, updateAttrsDialog } from "django-prose-editor/editor";

function chooseTarget(chooserUrl, language, input) {
  const address = new URL(chooserUrl, window.location.href);
  address.searchParams.set("language", language);
  const chooser = window.open(address, "_blank", "width=800,height=600");
  function chosen(event) {
    if (event.origin !== window.location.origin || event.source !== chooser) {
      return;
    }
    if (typeof event.data?.linkTarget === "string") {
      input.value = event.data.linkTarget;
      input.focus();
    }
    window.removeEventListener("message", chosen);
  }
  window.addEventListener("message", chosen);
}

function textLanguage(editor) {
  const wrapper = editor.view.dom.closest(".prose-editor");
  return wrapper?.lang || wrapper?.querySelector("textarea[lang]")?.lang || document.documentElement.lang;
}

export const Link = EditorLink.extend({
  addOptions() {
    return { ...this.parent?.(), chooserUrl: null };
  },

  addCommands() {
    return {
      ...this.parent?.(),
      addLink:
        () =>
        ({ editor }) => {
          if (editor.state.selection.empty && !editor.isActive(this.name)) {
            return false;
          }
          const href = { type: "string", title: gettext("URL") };
          if (this.options.chooserUrl) {
            href.picker = {
              label: gettext("Find a brief or an expert…"),
              handler: ({ input }) => chooseTarget(this.options.chooserUrl, textLanguage(editor), input),
            };
          }
          const fields = { href, title: { type: "string", title: gettext("Title") } };
          updateAttrsDialog(fields, { title: gettext("Edit Link") })(
            editor,
            editor.getAttributes(this.name),
          ).then((attrs) => {
            if (!attrs) {
              return;
            }
            const link = { ...attrs, title: attrs.title || null, target: null, rel: null };
            if (editor.isActive(this.name)) {
              editor.chain().focus().extendMarkRange(this.name).updateAttributes(this.name, link).run();
            } else {
              editor.chain().focus().setMark(this.name, link).run();
            }
          });
          return true;
        },
    };
  },
});
