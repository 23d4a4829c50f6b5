// Console behaviour that PrimeFaces does not provide. Delegated listeners and hooks only: nothing inline, so
// the page's CSP holds.
(function () {
  // The body editor: CodeMirror 5 (its WebJar, which the channel page loads) over each textarea.template-editor,
  // Handlebars tags highlighted over JSON, the usual body. Every change is saved to the textarea at once, and
  // 400 ms after the last one the textarea's change event runs the page's ajax preview. Ctrl+Space lists the
  // variable names of the page's variable panel that start with the word at the cursor (names only: the panel
  // shows no values). The editor is made again when an ajax update has replaced its textarea.
  var TEMPLATE_MODE = { name: 'handlebars', base: 'application/json' };
  function variableHints(cm) {
    var cursor = cm.getCursor();
    var line = cm.getLine(cursor.line);
    var start = cursor.ch;
    while (start > 0 && /[A-Za-z0-9_]/.test(line.charAt(start - 1))) {
      start--;
    }
    var typed = line.slice(start, cursor.ch).toUpperCase();
    var names = [];
    document.querySelectorAll('.insert-var[data-name]').forEach(function (button) {
      var name = button.getAttribute('data-name');
      if (names.indexOf(name) < 0 && name.toUpperCase().indexOf(typed) === 0) {
        names.push(name);
      }
    });
    names.sort();
    return { list: names.slice(0, 100), from: CodeMirror.Pos(cursor.line, start), to: CodeMirror.Pos(cursor.line, cursor.ch) };
  }
  function attachEditors() {
    if (!window.CodeMirror) {
      return;
    }
    document.querySelectorAll('textarea.template-editor').forEach(function (area) {
      var next = area.nextElementSibling;
      if (next && next.CodeMirror) {
        return;
      }
      var cm = CodeMirror.fromTextArea(area, {
        mode: TEMPLATE_MODE, lineNumbers: true, lineWrapping: true, matchBrackets: true, indentUnit: 2, tabSize: 2,
        readOnly: area.readOnly || area.disabled,
        extraKeys: { 'Ctrl-Space': function (editor) { editor.showHint({ hint: variableHints, completeSingle: false }); } }
      });
      var pending = null;
      cm.on('change', function () {
        cm.save();
        clearTimeout(pending);
        pending = setTimeout(function () {
          area.dispatchEvent(new Event('change', { bubbles: true }));
        }, 400);
      });
    });
  }
  document.addEventListener('DOMContentLoaded', attachEditors);
  attachEditors();
  if (window.jQuery) {
    jQuery(document).on('pfAjaxComplete', attachEditors);
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
