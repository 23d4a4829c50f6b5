// Console behaviour that PrimeFaces does not provide. Delegated listeners and hooks only: nothing inline, so
// the page's CSP holds.
(function () {
  // The body editor (pe:codeMirror, mode "handlebars") highlights Handlebars tags over JSON, the usual body.
  // An init hook covers editors created after this script, the sweep those created before it.
  var TEMPLATE_MODE = { name: 'handlebars', base: 'application/json' };
  function overJson(cm) {
    if (cm.getOption('mode') === 'handlebars') {
      cm.setOption('mode', TEMPLATE_MODE);
    }
  }
  function sweep() {
    document.querySelectorAll('.CodeMirror').forEach(function (el) {
      if (el.CodeMirror) {
        overJson(el.CodeMirror);
      }
    });
  }
  if (window.CodeMirror) {
    CodeMirror.defineInitHook(overJson);
    document.addEventListener('DOMContentLoaded', sweep);
    sweep();
    if (window.jQuery) {
      jQuery(document).on('pfAjaxComplete', sweep);
    }
  }

  // Clicking a variable in the editor's panel inserts {{NAME}} at the cursor of the template field used last
  // (a text field, or the body editor), then fires the field's change so the live preview follows.
  var lastField = null;
  document.addEventListener('focusin', function (e) {
    var editor = e.target.closest ? e.target.closest('.CodeMirror') : null;
    if (editor) {
      lastField = editor;
    } else if (e.target.classList && e.target.classList.contains('template-field')) {
      lastField = e.target;
    }
  });
  function target() {
    if (lastField && document.body.contains(lastField)) {
      return lastField;
    }
    return document.querySelector('.CodeMirror') || document.querySelector('textarea.template-field, input.template-field');
  }
  document.addEventListener('click', function (e) {
    var button = e.target.closest ? e.target.closest('.insert-var') : null;
    if (!button) {
      return;
    }
    e.preventDefault();
    var field = target();
    if (!field) {
      return;
    }
    var text = '{{' + button.getAttribute('data-name') + '}}';
    if (field.CodeMirror) {
      // replaceSelection fires the editor's change event, which saves to the textarea and runs the ajax preview.
      field.CodeMirror.replaceSelection(text);
      field.CodeMirror.focus();
      return;
    }
    var start = field.selectionStart == null ? field.value.length : field.selectionStart;
    var end = field.selectionEnd == null ? start : field.selectionEnd;
    field.value = field.value.slice(0, start) + text + field.value.slice(end);
    field.focus();
    field.setSelectionRange(start + text.length, start + text.length);
    field.dispatchEvent(new Event('input', { bubbles: true }));
    field.dispatchEvent(new KeyboardEvent('keyup', { bubbles: true }));
  });

  // The lock beside a field (URL, a header or query value, the body) promotes what is selected in that field
  // to a named secret. The selected text goes to the server in a hidden field, read before PrimeFaces sends
  // the button's request (this listener captures); with nothing selected the server takes the field's
  // user-info or whole value. The hidden field is never filled from the server.
  document.addEventListener('click', function (e) {
    var lock = e.target.closest ? e.target.closest('.promote-lock') : null;
    var hidden = document.getElementById('editor:promoteSelection');
    if (!lock || !hidden) {
      return;
    }
    var box = lock.closest('td, .field');
    var editor = box ? box.querySelector('.CodeMirror') : null;
    var input = box ? box.querySelector('input.template-field') : null;
    var text = '';
    if (editor && editor.CodeMirror) {
      editor.CodeMirror.save();
      text = editor.CodeMirror.getSelection();
    } else if (input && input.selectionStart != null && input.selectionEnd > input.selectionStart) {
      text = input.value.slice(input.selectionStart, input.selectionEnd);
    }
    hidden.value = text;
  }, true);
  if (window.jQuery) {
    // Sent once: a hidden field's value is also its attribute, which the page would otherwise keep.
    jQuery(document).on('pfAjaxComplete', function () {
      var hidden = document.getElementById('editor:promoteSelection');
      if (hidden && hidden.value && (!PrimeFaces.ajax || PrimeFaces.ajax.Queue.isEmpty())) {
        hidden.value = '';
      }
    });
  }

  // A template error in the body (the API calls the body "template"), as the preview lists it, marks its line
  // in the editor.
  function markErrors() {
    var el = document.querySelector('.CodeMirror');
    if (!el || !el.CodeMirror) {
      return;
    }
    var cm = el.CodeMirror;
    for (var i = 0; i < cm.lineCount(); i++) {
      cm.removeLineClass(i, 'background', 'template-error-line');
    }
    document.querySelectorAll('[data-error-field="template"][data-error-line]').forEach(function (item) {
      var line = parseInt(item.getAttribute('data-error-line'), 10) - 1;
      if (line >= 0 && line < cm.lineCount()) {
        cm.addLineClass(line, 'background', 'template-error-line');
      }
    });
  }
  if (window.jQuery) {
    jQuery(document).on('pfAjaxComplete', markErrors);
  }
  document.addEventListener('DOMContentLoaded', markErrors);

  // After a button's ajax request, a refused field may be far above the button: bring the first one into
  // view. The button itself is usually re-rendered by then, so its press is remembered at click time.
  var pressedAt = 0;
  document.addEventListener('click', function (e) {
    if (e.target.closest && e.target.closest('button')) {
      pressedAt = Date.now();
    }
  }, true);
  if (window.jQuery) {
    jQuery(document).on('pfAjaxComplete', function () {
      if (Date.now() - pressedAt > 30000) {
        return;
      }
      // Another request (a delayed preview) may complete before the button's: wait for the one with errors.
      var first = document.querySelector('form .field .ui-message-error');
      if (!first) {
        return;
      }
      pressedAt = 0;
      var box = first.getBoundingClientRect();
      if (box.top < 0 || box.bottom > window.innerHeight) {
        first.scrollIntoView({ block: 'center' });
      }
    });
  }
})();
