// The WebSocket and nothing else: NDJSON frames in, requests out with their answers matched by
// id, a ping after 30 s without sending, reconnection with backoff (1 s, 2 s, 4 s … 15 s).
// It knows nothing of the chat; the app decides what to do on each new connection.

/** An `error` answer to a request, or a local failure (`connection_lost`). */
export class RequestError extends Error {
  constructor({ code, message, field, params }) {
    super(message || code);
    Object.assign(this, { code, field: field || null, params: params || {} });
  }
}

/**
 * onEvent(obj): every object that is not an answer (including `error` with `re: null`).
 * onState(s): 'connecting' | 'open' | 'reconnecting' | 'closed'.
 */
export function createConnection({ url, onEvent, onState }) {
  let ws = null;
  let nextId = 1;
  let pending = new Map();
  let lastSent = 0;
  let openedAt = 0;
  let attempt = 0;
  let timer = 0;
  let stopped = false;

  function open() {
    clearTimeout(timer);
    stopped = false;
    onState(attempt ? 'reconnecting' : 'connecting');
    const sock = (ws = new WebSocket(url));
    sock.onopen = () => {
      openedAt = lastSent = Date.now();
      onState('open');
    };
    sock.onmessage = (e) => {
      for (const line of String(e.data).split('\n')) {
        if (sock !== ws) return; // a line may have closed this connection
        let obj;
        try {
          obj = JSON.parse(line);
        } catch {
          continue; // blank or broken line
        }
        try {
          if (obj && typeof obj === 'object') dispatch(obj);
        } catch (err) {
          console.error(err); // one bad event must not lose the rest of the frame
        }
      }
    };
    sock.onclose = dropped;
  }

  function dispatch(obj) {
    const p = (obj.type === 'ack' || obj.type === 'error') && pending.get(obj.re);
    if (!p) return obj.type !== 'ack' && onEvent(obj);
    pending.delete(obj.re);
    if (obj.type === 'error') return p.reject(new RequestError(obj));
    // onAck runs before the next line of the frame, so the events that follow an answer
    // (messages after `resume`, `joined` after `join`) find the state it created.
    try {
      p.resolve(p.onAck ? p.onAck(obj) : obj);
    } catch (err) {
      p.reject(err);
    }
  }

  // The socket is gone: closed by the server, the network, or a ping left unanswered.
  function dropped() {
    if (ws) {
      ws.onclose = ws.onmessage = ws.onopen = null;
      ws.close();
      ws = null;
    }
    for (const p of pending.values()) p.reject(new RequestError({ code: 'connection_lost' }));
    pending = new Map();
    if (stopped) return onState('closed');
    if (openedAt && Date.now() - openedAt > 10_000) attempt = 0; // it had worked for a while
    openedAt = 0;
    onState('reconnecting');
    timer = setTimeout(open, Math.min(15_000, 1000 * 2 ** attempt++));
  }

  /** Send a request; resolves with the ack (or onAck's result), rejects with RequestError. */
  function request(type, fields = {}, onAck = null) {
    return new Promise((resolve, reject) => {
      if (ws?.readyState !== WebSocket.OPEN) return reject(new RequestError({ code: 'connection_lost' }));
      const id = nextId++;
      pending.set(id, { resolve, reject, onAck });
      ws.send(JSON.stringify({ ...fields, type, id }));
      lastSent = Date.now();
    });
  }

  setInterval(() => {
    if (ws?.readyState !== WebSocket.OPEN || Date.now() - lastSent < 30_000) return;
    const sock = ws;
    const guard = setTimeout(() => sock === ws && dropped(), 20_000);
    request('ping').finally(() => clearTimeout(guard)).catch(() => {});
  }, 5000);

  // The browser knows the network is gone: say so now rather than after a ping times out
  // (an open socket can linger silently); back online, reconnect without waiting for the backoff.
  addEventListener('offline', () => ws && dropped());
  addEventListener('online', () => !ws && !stopped && open());

  return {
    open,
    request,
    get isOpen() {
      return ws?.readyState === WebSocket.OPEN;
    },
    /** Close and do not reconnect (an unsupported protocol). */
    stop() {
      stopped = true;
      clearTimeout(timer);
      dropped();
    },
    /** A fresh connection now, forgetting the backoff. */
    restart() {
      stopped = true;
      dropped();
      attempt = 0;
      open();
    },
  };
}
