// Kith passkeys (WebAuthn). Dependency-free; safe under the strict CSP (no inline script, no HTML sinks).
//
// Markup: <form method="post" data-passkey="create|get" data-passkey-options="URL">
//           <input type="hidden" name="Handle"> <input type="hidden" name="Credential">
//           <p data-passkey-error hidden></p> ... <button type="submit">
// On submit the options are fetched with the form's antiforgery token (POST), the browser's authenticator is asked,
// and the form is submitted with the handle and the credential JSON. The server verifies everything.
(function () {
  'use strict';

  function fromBase64Url(value) {
    var base64 = value.replace(/-/g, '+').replace(/_/g, '/');
    while (base64.length % 4) base64 += '=';
    var binary = atob(base64);
    var bytes = new Uint8Array(binary.length);
    for (var i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
    return bytes.buffer;
  }

  function toBase64Url(buffer) {
    var bytes = new Uint8Array(buffer);
    var binary = '';
    for (var i = 0; i < bytes.length; i++) binary += String.fromCharCode(bytes[i]);
    return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
  }

  function withIds(list) {
    return (list || []).map(function (c) { return Object.assign({}, c, { id: fromBase64Url(c.id) }); });
  }

  function creationOptions(json) {
    if (PublicKeyCredential.parseCreationOptionsFromJSON) return PublicKeyCredential.parseCreationOptionsFromJSON(json);
    return Object.assign({}, json, {
      challenge: fromBase64Url(json.challenge),
      user: Object.assign({}, json.user, { id: fromBase64Url(json.user.id) }),
      excludeCredentials: withIds(json.excludeCredentials)
    });
  }

  function requestOptions(json) {
    if (PublicKeyCredential.parseRequestOptionsFromJSON) return PublicKeyCredential.parseRequestOptionsFromJSON(json);
    return Object.assign({}, json, { challenge: fromBase64Url(json.challenge), allowCredentials: withIds(json.allowCredentials) });
  }

  function credentialJson(credential) {
    if (typeof credential.toJSON === 'function') return JSON.stringify(credential.toJSON());
    var r = credential.response;
    var response = { clientDataJSON: toBase64Url(r.clientDataJSON) };
    if (r.attestationObject) {
      response.attestationObject = toBase64Url(r.attestationObject);
      response.transports = r.getTransports ? r.getTransports() : [];
    } else {
      response.authenticatorData = toBase64Url(r.authenticatorData);
      response.signature = toBase64Url(r.signature);
      if (r.userHandle) response.userHandle = toBase64Url(r.userHandle);
    }
    return JSON.stringify({
      id: credential.id,
      rawId: toBase64Url(credential.rawId),
      type: credential.type,
      authenticatorAttachment: credential.authenticatorAttachment || null,
      clientExtensionResults: credential.getClientExtensionResults(),
      response: response
    });
  }

  function showError(form, message) {
    var target = form.querySelector('[data-passkey-error]');
    if (!target) return;
    target.textContent = message;
    target.hidden = false;
  }

  async function run(form) {
    var token = form.querySelector('input[name="__RequestVerificationToken"]');
    var body = new URLSearchParams();
    if (token) body.append(token.name, token.value);
    var response = await fetch(form.getAttribute('data-passkey-options'), {
      method: 'POST',
      body: body,
      credentials: 'same-origin',
      headers: { 'Accept': 'application/json' }
    });
    // Sudo mode answers with a redirect to the confirmation page: follow it with the whole page.
    if (response.redirected) { window.location.assign(response.url); return; }
    if (!response.ok) throw new Error('options ' + response.status);
    var ceremony = await response.json();
    var credential = form.getAttribute('data-passkey') === 'create'
      ? await navigator.credentials.create({ publicKey: creationOptions(ceremony.options) })
      : await navigator.credentials.get({ publicKey: requestOptions(ceremony.options) });
    if (!credential) throw new Error('no credential');
    form.querySelector('input[name="Handle"]').value = ceremony.handle;
    form.querySelector('input[name="Credential"]').value = credentialJson(credential);
    form.submit();
  }

  document.querySelectorAll('form[data-passkey]').forEach(function (form) {
    if (!window.PublicKeyCredential || !navigator.credentials) {
      showError(form, 'This browser cannot use passkeys.');
      return;
    }
    form.addEventListener('submit', function (event) {
      event.preventDefault();
      var button = form.querySelector('button[type="submit"]');
      if (button) button.disabled = true;
      run(form).catch(function (error) {
        var cancelled = error && (error.name === 'NotAllowedError' || error.name === 'AbortError');
        showError(form, cancelled
          ? 'The passkey request was cancelled or timed out. Try again.'
          : 'The passkey could not be used. Try again, or use your password.');
      }).finally(function () {
        if (button) button.disabled = false;
      });
    });
  });
})();
