() => {
  // Run once a page of atypie is loaded; `i18n.on_load_js` fills in the language and the drop zones' words.
  document.documentElement.lang = __LANG__;  // Gradio set it from the browser's locale
  window.atypieLang = __LANG__;  // the language switch updates it
  const texts = __DROPZONE_TEXTS__;
  const put = (node, text) => { if (node && node.nodeValue !== text) node.nodeValue = text; };
  const label = (el, text) => { if (el && el.getAttribute('aria-label') !== text) el.setAttribute('aria-label', text); };

  // Gradio writes its file drop zones in the browser's language: their words and labels are rewritten in the
  // page's, found by their place in the zone, never by their words (which depend on the browser).
  window.atypieDropzones = () => {
    const words = texts[window.atypieLang] || texts.fr;
    document.querySelectorAll('[data-testid="upload-text"]').forEach(zone => {
      const own = [...zone.childNodes].filter(n => n.nodeType === Node.TEXT_NODE && n.nodeValue.trim());
      const or = zone.querySelector('.or');
      if (own.length) put(own[0], ' ' + words.drop + ' ');
      if (or) {
        put(or.firstChild, words.or);
        if (own.length > 1) put(own[own.length - 1], ' ' + words.click);
      }
    });
    document.querySelectorAll('button.upload-container').forEach(el => label(el, words.button));
    document.querySelectorAll('input[data-testid="file-upload"]').forEach(el => label(el, words.input));
  };

  // Gradio's message boxes put their close button inside a header that is itself a button (nested controls,
  // which screen readers cannot reach): the header loses its button role as soon as a message appears.
  const unnest = () => document.querySelectorAll('[role="button"]').forEach(el => {
    if (el.querySelector('button')) { el.removeAttribute('role'); el.removeAttribute('tabindex'); }
  });

  const repair = () => { unnest(); window.atypieDropzones(); };
  repair();
  new MutationObserver(repair).observe(document.body, {childList: true, subtree: true});
}
