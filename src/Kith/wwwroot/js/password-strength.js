// Kith password strength meter. Dependency-free; safe under a strict CSP with Trusted Types
// (no HTML parsing sinks: only textContent, classList, setAttribute and fetch).
//
// Advisory only: the server is the real gate and this script never blocks a submission.
// Rules, in order (mirroring the server's password validator):
//   empty                          -> no verdict
//   length < minlength (12)        -> 0 "Too short: use at least 12 characters"
//   length > maxlength (256)       -> 0 "Too long: use at most 256 characters"
//   trim+lower-case in common list -> 0 "This is one of the most common passwords"
//   contains a context word        -> 1 "Avoid your name, email address or 'kith'"
//     (context words: "kith", the email's local part and its parts, name parts; all >= 3 chars)
//   otherwise an entropy-style estimate in bits -> 1..4
//
// Markup: <input data-strength-meter="METER_ID" data-strength-context="ID ID" [minlength] [maxlength]>
//         <div id="METER_ID" class="strength-meter" data-strength-list="/same-origin/list.txt" hidden>
//           <meter min="0" max="4" value="0"></meter><p class="strength-text" aria-live="polite"></p>
//         </div>
(function () {
  'use strict';

  var DEFAULT_MIN = 12;
  var DEFAULT_MAX = 256;
  var FIXED_CONTEXT_WORDS = ['kith'];
  var MIN_CONTEXT_WORD = 3;
  var MIN_EMBEDDED_COMMON = 4;   // common passwords found inside a longer one
  var MAX_EMBEDDED_COMMON = 32;
  var COMMON_SEGMENT_BITS = 11;  // a word from the ~50k list is worth about log2(rank)
  var PASSPHRASE_WORD_BITS = 12.9; // one word of a 7,776-word diceware list
  var lists = new Map();         // url -> Promise<Set<string>|null>, shared by all meters
  var idCounter = 0;

  function loadList(url) {
    if (!url) return Promise.resolve(null);
    var absolute;
    try {
      absolute = new URL(url, document.baseURI);
    } catch (e) {
      return Promise.resolve(null);
    }
    if (absolute.origin !== window.location.origin) return Promise.resolve(null);
    var key = absolute.href;
    if (!lists.has(key)) {
      lists.set(key, fetch(key, { credentials: 'same-origin', headers: { Accept: 'text/plain' } })
        .then(function (response) {
          if (!response.ok) throw new Error('HTTP ' + response.status);
          return response.text();
        })
        .then(function (text) {
          var set = new Set();
          text.split('\n').forEach(function (line) {
            var word = line.trim().toLowerCase();
            if (word) set.add(word);
          });
          return set;
        })
        .catch(function () { return null; })); // no list: the meter still works, the server still checks
    }
    return lists.get(key);
  }

  function splitWords(value) {
    return value.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(function (w) {
      return w.length >= MIN_CONTEXT_WORD;
    });
  }

  function contextWords(input) {
    var words = FIXED_CONTEXT_WORDS.slice();
    var ids = (input.getAttribute('data-strength-context') || '').split(/\s+/);
    ids.forEach(function (id) {
      var el = id ? document.getElementById(id) : null;
      if (!el || typeof el.value !== 'string') return;
      var value = el.value.trim().toLowerCase();
      var at = value.lastIndexOf('@');
      if (at > 0) {
        var local = value.slice(0, at);
        if (local.length >= MIN_CONTEXT_WORD) words.push(local);
        words.push.apply(words, splitWords(local));
      } else {
        words.push.apply(words, splitWords(value));
      }
    });
    return words;
  }

  function charClassPool(password) {
    var pool = 0;
    if (/[a-z]/.test(password)) pool += 26;
    if (/[A-Z]/.test(password)) pool += 26;
    if (/[0-9]/.test(password)) pool += 10;
    if (/[\x20-\x2f\x3a-\x40\x5b-\x60\x7b-\x7e]/.test(password)) pool += 33;
    if (/[^\x20-\x7e]/.test(password)) pool += 100;
    return Math.max(pool, 10);
  }

  function longestCommonAt(lower, i, common) {
    if (!common) return 0;
    var max = Math.min(lower.length - i, MAX_EMBEDDED_COMMON);
    for (var len = max; len >= MIN_EMBEDDED_COMMON; len--) {
      if (common.has(lower.slice(i, i + len))) return len;
    }
    return 0;
  }

  // Bits for a string scanned left to right: embedded common passwords count as one word,
  // repeated and sequential characters count almost nothing, anything else log2(pool).
  function scanBits(password, common) {
    var lower = password.toLowerCase();
    if (lower.length !== password.length) common = null; // rare case mappings change indexes
    var perChar = Math.log2(charClassPool(password));
    var bits = 0;
    var i = 0;
    while (i < password.length) {
      var match = longestCommonAt(lower, i, common);
      if (match) {
        bits += COMMON_SEGMENT_BITS;
        i += match;
        continue;
      }
      var code = password.charCodeAt(i);
      var prev = i > 0 ? password.charCodeAt(i - 1) : -10;
      if (code === prev) bits += 1;
      else if (Math.abs(code - prev) === 1) bits += 2;
      else bits += perChar;
      i++;
    }
    return bits;
  }

  function estimateBits(password, common) {
    var bits = scanBits(password, common);
    // The same block repeated ("abcabcabc"): worth one block plus a little.
    var repeat = /^(.+?)\1+$/s.exec(password);
    if (repeat) {
      bits = Math.min(bits, scanBits(repeat[1], common) + Math.log2(password.length / repeat[1].length));
    }
    // A passphrase of 4+ distinct words is strong even when each word is common.
    var words = password.trim().split(/[\s\-_.,;:+/]+/).filter(function (w) { return w.length >= 3; });
    var distinct = new Set(words.map(function (w) { return w.toLowerCase(); }));
    if (words.length >= 4 && distinct.size === words.length) {
      bits = Math.max(bits, words.length * PASSPHRASE_WORD_BITS);
    }
    return bits;
  }

  function assess(password, input, common) {
    var min = parseInt(input.getAttribute('minlength'), 10) || DEFAULT_MIN;
    var max = parseInt(input.getAttribute('maxlength'), 10) || DEFAULT_MAX;
    if (password.length === 0) return null;
    if (password.length < min) return { score: 0, text: 'Too short: use at least ' + min + ' characters' };
    if (password.length > max) return { score: 0, text: 'Too long: use at most ' + max + ' characters' };
    var normalized = password.trim().toLowerCase();
    if (common && common.has(normalized)) return { score: 0, text: 'This is one of the most common passwords' };
    var lower = password.toLowerCase();
    var hasContext = contextWords(input).some(function (word) { return lower.indexOf(word) !== -1; });
    if (hasContext) return { score: 1, text: "Avoid your name, email address or 'kith'" };
    var bits = estimateBits(password, common);
    if (bits < 36) return { score: 1, text: 'Weak: avoid common words, repeats and sequences' };
    if (bits < 50) return { score: 2, text: 'Fair: a longer passphrase would be stronger' };
    if (bits < 64) return { score: 3, text: 'Good' };
    return { score: 4, text: 'Strong' };
  }

  function attach(input) {
    var wrapper = document.getElementById(input.getAttribute('data-strength-meter'));
    if (!wrapper || wrapper.getAttribute('data-strength-bound') === 'true') return;
    wrapper.setAttribute('data-strength-bound', 'true');
    var meter = wrapper.querySelector('meter');
    var text = wrapper.querySelector('.strength-text');
    var common = null;
    var requested = false;

    if (text) {
      if (!text.id) {
        var id = wrapper.id + '-text';
        while (document.getElementById(id)) id = wrapper.id + '-text-' + (++idCounter);
        text.id = id;
      }
      var describedBy = (input.getAttribute('aria-describedby') || '').split(/\s+/).filter(Boolean);
      if (describedBy.indexOf(text.id) === -1) {
        describedBy.push(text.id);
        input.setAttribute('aria-describedby', describedBy.join(' '));
      }
    }

    function render() {
      var result = assess(input.value, input, common);
      for (var s = 0; s <= 4; s++) wrapper.classList.toggle('strength-' + s, result !== null && result.score === s);
      if (meter) meter.value = result ? result.score : 0;
      var message = result ? result.text : '';
      if (text && text.textContent !== message) text.textContent = message;
    }

    function requestList() {
      if (requested) return;
      requested = true;
      loadList(wrapper.getAttribute('data-strength-list')).then(function (set) {
        common = set;
        render();
      });
    }

    input.addEventListener('focus', requestList);
    input.addEventListener('input', function () {
      requestList();
      render();
    });
    (input.getAttribute('data-strength-context') || '').split(/\s+/).forEach(function (id) {
      var el = id ? document.getElementById(id) : null;
      if (el) el.addEventListener('input', function () { if (input.value) render(); });
    });

    wrapper.hidden = false;
    if (input.value) {
      requestList();
      render();
    }
  }

  function init() {
    document.querySelectorAll('input[data-strength-meter]').forEach(attach);
  }

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', init);
  else init();
})();
