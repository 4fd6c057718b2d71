() => {
  // The page script of atypie, run once a page is loaded: `gradio_compat.on_load_js` fills in the language, the
  // drop zones' words and the parts of Gradio's page it repairs (`gradio_compat.SELECTORS`, tested against the
  // installed Gradio in tests/web/test_gradio_compat.py).
  const gradio = __SELECTORS__;
  document.documentElement.lang = __LANG__;  // Gradio set it from the browser's locale
  window.atypieLang = __LANG__;  // the language switch updates it
  const texts = __DROPZONE_TEXTS__;
  const put = (node, text) => { if (node && node.nodeValue !== text) node.nodeValue = text; };
  const label = (el, text) => { if (el && el.getAttribute('aria-label') !== text) el.setAttribute('aria-label', text); };

  // Gradio writes its file drop zones in the browser's language: their words and labels are rewritten in the
  // page's, found by their place in the zone, never by their words (which depend on the browser).
  window.atypieDropzones = () => {
    const words = texts[window.atypieLang] || texts.fr;
    document.querySelectorAll(gradio.dropZone).forEach(zone => {
      const own = [...zone.childNodes].filter(n => n.nodeType === Node.TEXT_NODE && n.nodeValue.trim());
      const or = zone.querySelector(gradio.dropOr);
      if (own.length) put(own[0], ' ' + words.drop + ' ');
      if (or) {
        put(or.firstChild, words.or);
        if (own.length > 1) put(own[own.length - 1], ' ' + words.click);
      }
    });
    document.querySelectorAll(gradio.dropButton).forEach(el => label(el, words.button));
    document.querySelectorAll(gradio.fileInput).forEach(el => label(el, words.input));
  };

  // Gradio's message boxes put their close button inside a header that is itself a button (nested controls,
  // which screen readers cannot reach): the header loses its button role as soon as a message appears.
  const unnest = () => document.querySelectorAll(gradio.nestedButton).forEach(el => {
    if (el.querySelector('button')) { el.removeAttribute('role'); el.removeAttribute('tabindex'); }
  });

  const repair = () => { unnest(); window.atypieDropzones(); };
  repair();
  new MutationObserver(repair).observe(document.body, {childList: true, subtree: true});
}
