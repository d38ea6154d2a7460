/*
 * Switchboard CCAI adapter bridge.
 *
 * Include this script on the CRM page that embeds the Contact Center AI Platform agent adapter iframe.
 * The adapter publishes its events to the page with window.postMessage; the bridge forwards each one,
 * unchanged and in order, to Switchboard's ingest endpoint POST /api/events/ccai.
 *
 *   <script src="ccai-adapter-bridge.js"></script>
 *   <script>
 *     SwitchboardCcaiBridge.start({
 *       endpoint: 'https://switchboard.example.com/api/events/ccai',
 *       ingestKey: '…',                                      // an Ingest:Keys entry
 *       allowedOrigins: ['https://tenant.loc.ccaiplatform.com'],
 *       tenant: 'default'                                    // optional
 *     });
 *   </script>
 *
 * Delivery is at least once: an event is kept (in sessionStorage, per tab, when the browser allows it) until
 * Switchboard answers 2xx, retried with exponential backoff on network errors, 408, 425, 429 and 5xx
 * (honouring Retry-After), and handed to navigator.sendBeacon when the page is hidden or unloaded;
 * whatever is still pending is sent again when the tab loads the next page. Other 4xx answers mean the event can
 * never be accepted, so it is dropped and reported to onError.
 *
 * Requests are CORS "simple requests" (POST, text/plain body, key in the `code` query parameter) so that
 * neither fetch nor sendBeacon needs a preflight; Switchboard reads text/plain bodies as JSON. The
 * Switchboard host must still answer with Access-Control-Allow-Origin for the CRM origin, or the bridge
 * cannot see the status and keeps retrying.
 */
(function (global) {
  'use strict';

  var STORAGE_KEY = 'switchboard-ccai-bridge/pending';
  var MAX_PENDING = 500;
  var BEACON_LIMIT = 60000; // sendBeacon and keepalive fetch share a 64 KiB in-flight budget per page.

  function start(options) {
    var settings = configure(options);
    var queue = restore(settings);
    var sending = false;
    var timer = null;
    var stopped = false;

    function onMessage(message) {
      if (settings.allowedOrigins.indexOf(message.origin) < 0) {
        return;
      }
      var event = readEvent(message.data);
      if (!event) {
        return;
      }
      if (queue.length >= MAX_PENDING) {
        report(settings, new Error('more than ' + MAX_PENDING + ' events pending; dropping the oldest'), queue.shift());
      }
      queue.push({ body: JSON.stringify(event), attempts: 0, type: event.type || null });
      persist(queue);
      pump();
    }

    function pump() {
      if (sending || stopped || timer !== null || queue.length === 0) {
        return;
      }
      sending = true;
      var item = queue[0];
      item.attempts += 1;
      send(settings, item).then(function (outcome) {
        sending = false;
        if (outcome.done) {
          queue.shift();
          persist(queue);
          if (outcome.error) {
            report(settings, outcome.error, item);
          }
          pump();
          return;
        }
        if (item.attempts >= settings.maxAttempts) {
          queue.shift();
          persist(queue);
          report(settings, new Error('gave up after ' + item.attempts + ' attempts: ' + outcome.reason), item);
          pump();
          return;
        }
        timer = setTimeout(function () {
          timer = null;
          pump();
        }, delay(settings, item.attempts, outcome.retryAfterMs));
      });
    }

    // On hide or unload the page may never run another timer: hand everything pending to the browser.
    function flush() {
      if (queue.length === 0 || typeof navigator === 'undefined' || typeof navigator.sendBeacon !== 'function') {
        return;
      }
      var budget = BEACON_LIMIT;
      var kept = [];
      for (var i = 0; i < queue.length; i++) {
        var item = queue[i];
        var fits = item.body.length <= budget && !(sending && i === 0);
        if (fits && navigator.sendBeacon(url(settings, item), new Blob([item.body], { type: 'text/plain;charset=UTF-8' }))) {
          budget -= item.body.length;
        } else {
          kept.push(item);
        }
      }
      queue = kept;
      persist(queue);
    }

    function onVisibilityChange() {
      if (document.visibilityState === 'hidden') {
        flush();
      }
    }

    global.addEventListener('message', onMessage, false);
    global.addEventListener('pagehide', flush, false);
    if (typeof document !== 'undefined') {
      document.addEventListener('visibilitychange', onVisibilityChange, false);
    }
    pump();

    return {
      /** Stops listening; events still pending stay stored for the next page load. */
      stop: function () {
        stopped = true;
        if (timer !== null) {
          clearTimeout(timer);
          timer = null;
        }
        global.removeEventListener('message', onMessage, false);
        global.removeEventListener('pagehide', flush, false);
        if (typeof document !== 'undefined') {
          document.removeEventListener('visibilitychange', onVisibilityChange, false);
        }
      },
      /** How many events wait for Switchboard's 2xx. */
      pending: function () {
        return queue.length;
      }
    };
  }

  function configure(options) {
    if (!options || typeof options.endpoint !== 'string') {
      throw new Error('SwitchboardCcaiBridge: endpoint is required');
    }
    var endpoint = new URL(options.endpoint, global.location.href);
    var local = endpoint.hostname === 'localhost' || endpoint.hostname === '127.0.0.1';
    if (endpoint.protocol !== 'https:' && !(local && endpoint.protocol === 'http:')) {
      throw new Error('SwitchboardCcaiBridge: endpoint must be https (http only for localhost)');
    }
    if (typeof options.ingestKey !== 'string' || options.ingestKey.length === 0) {
      throw new Error('SwitchboardCcaiBridge: ingestKey is required');
    }
    if (!Array.isArray(options.allowedOrigins) || options.allowedOrigins.length === 0) {
      throw new Error('SwitchboardCcaiBridge: allowedOrigins must list the adapter iframe origins');
    }
    return {
      endpoint: endpoint,
      ingestKey: options.ingestKey,
      tenant: options.tenant || null,
      allowedOrigins: options.allowedOrigins.map(function (origin) {
        return new URL(origin).origin;
      }),
      maxAttempts: options.maxAttempts || 8,
      baseDelayMs: options.baseDelayMs || 1000,
      maxDelayMs: options.maxDelayMs || 60000,
      timeoutMs: options.timeoutMs || 10000,
      onError: typeof options.onError === 'function' ? options.onError : null
    };
  }

  // The adapter posts JSON text (the listener in CCAI's "CRM personalizzato" runs JSON.parse(e.data)); some builds
  // post objects.
  function readEvent(data) {
    var event = data;
    if (typeof data === 'string') {
      try {
        event = JSON.parse(data);
      } catch (ignored) {
        return null;
      }
    }
    if (!event || typeof event !== 'object' || Array.isArray(event)) {
      return null;
    }
    var named = typeof event.type === 'string' && event.data && typeof event.data === 'object';
    var redaction = event.type === undefined && event.data === undefined && event.call_id !== undefined && event.agent_id !== undefined;
    return named || redaction ? event : null;
  }

  function url(settings, item) {
    var target = new URL(settings.endpoint.href);
    target.searchParams.set('code', settings.ingestKey);
    if (settings.tenant) {
      target.searchParams.set('tenant', settings.tenant);
    }
    return target.href;
  }

  function send(settings, item) {
    var controller = typeof AbortController === 'function' ? new AbortController() : null;
    var timeout = controller ? setTimeout(function () { controller.abort(); }, settings.timeoutMs) : null;
    return fetch(url(settings, item), {
      method: 'POST',
      mode: 'cors',
      credentials: 'omit',
      headers: { 'Content-Type': 'text/plain;charset=UTF-8' },
      body: item.body,
      keepalive: item.body.length <= BEACON_LIMIT,
      signal: controller ? controller.signal : undefined
    }).then(function (response) {
      if (timeout) {
        clearTimeout(timeout);
      }
      if (response.ok) {
        return { done: true };
      }
      var status = response.status;
      if (status === 408 || status === 425 || status === 429 || status >= 500) {
        return { done: false, reason: 'HTTP ' + status, retryAfterMs: retryAfter(response.headers.get('Retry-After')) };
      }
      return { done: true, error: new Error('Switchboard refused the event: HTTP ' + status) };
    }, function (error) {
      if (timeout) {
        clearTimeout(timeout);
      }
      return { done: false, reason: String(error && error.message || error), retryAfterMs: 0 };
    });
  }

  function retryAfter(header) {
    if (!header) {
      return 0;
    }
    var seconds = Number(header);
    if (!isNaN(seconds)) {
      return Math.max(0, seconds * 1000);
    }
    var at = Date.parse(header);
    return isNaN(at) ? 0 : Math.max(0, at - Date.now());
  }

  // Exponential backoff with full jitter, never sooner than the server's Retry-After.
  function delay(settings, attempts, retryAfterMs) {
    var ceiling = Math.min(settings.maxDelayMs, settings.baseDelayMs * Math.pow(2, attempts - 1));
    return Math.max(retryAfterMs || 0, Math.round(ceiling / 2 + Math.random() * ceiling / 2));
  }

  function restore(settings) {
    try {
      var stored = JSON.parse(global.sessionStorage.getItem(STORAGE_KEY) || '[]');
      return Array.isArray(stored) ? stored.filter(function (item) {
        return item && typeof item.body === 'string';
      }).map(function (item) {
        return { body: item.body, attempts: 0, type: item.type || null };
      }) : [];
    } catch (error) {
      report(settings, error, null);
      return [];
    }
  }

  function persist(queue) {
    try {
      if (queue.length === 0) {
        global.sessionStorage.removeItem(STORAGE_KEY);
      } else {
        global.sessionStorage.setItem(STORAGE_KEY, JSON.stringify(queue));
      }
    } catch (ignored) {
      // Private browsing or a full quota: the queue still lives in memory until the page goes away.
    }
  }

  function report(settings, error, item) {
    if (settings.onError) {
      settings.onError(error, item ? { type: item.type, body: item.body } : null);
    } else if (global.console) {
      global.console.warn('SwitchboardCcaiBridge:', error);
    }
  }

  global.SwitchboardCcaiBridge = { start: start };
})(window);
