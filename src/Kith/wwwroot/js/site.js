// Kith site script: asks for confirmation before submitting any form[data-confirm].
// No inline handlers anywhere (strict CSP); the message is the attribute's text.
(function () {
  'use strict';

  document.addEventListener('submit', function (event) {
    var form = event.target;
    if (!(form instanceof HTMLFormElement) || !form.hasAttribute('data-confirm')) return;
    var message = form.getAttribute('data-confirm') || 'Are you sure?';
    if (!window.confirm(message)) event.preventDefault();
  });
})();
