// The WebSocket to the server and nothing else: NDJSON frames in, requests out with their
// answers correlated by id, a ping after 30 s of silence, reconnection with backoff.
// It knows nothing of rooms or messages; the app decides what to do on each (re)connection.

const PING_AFTER = 30_000;
const PING_TIMEOUT = 20_000;
const MAX_DELAY = 15_000;

/** An `error` answer to a request (or a local failure such as `connection_lost`). */
export class RequestError extends Error {
  constructor({ code, message, field, params }) {
    super(message || code);
    this.code = code;
    this.field = field || null;
    this.params = params || {};
  }
}

/**
 * onEvent(obj): every server object that is not an answer (including `error` with `re: null`).
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
    const sock = new WebSocket(url);
    ws = sock;
    sock.onopen = () => {
      if (sock !== ws) return;
      openedAt = lastSent = Date.now();
      onState('open');
    };
    sock.onmessage = (e) => {
      if (sock !== ws) return;
      for (const line of String(e.data).split('\n')) {
        if (!line.trim()) continue;
        let obj;
        try {
          obj = JSON.parse(line);
        } catch {
          continue;
        }
        if (obj && typeof obj === 'object') dispatch(obj);
      }
    };
    sock.onclose = () => {
      if (sock === ws) dropped();
    };
  }

  function dispatch(obj) {
    const answer = obj.type === 'ack' || (obj.type === 'error' && obj.re != null);
    const p = answer && pending.get(obj.re);
    if (!p) {
      if (!answer) onEvent(obj);
      return;
    }
    pending.delete(obj.re);
    if (obj.type === 'error') return p.reject(new RequestError(obj));
    // onAck runs before the next line of the frame: events that follow an answer (messages
    // after `resume`, `joined` after `join`) find the state it created.
    try {
      p.resolve(p.onAck ? p.onAck(obj) : obj);
    } catch (err) {
      p.reject(err);
    }
  }

  function failPending() {
    const old = pending;
    pending = new Map();
    for (const p of old.values()) p.reject(new RequestError({ code: 'connection_lost' }));
  }

  // The socket is gone (closed by the server, the network, or a failed ping).
  function dropped() {
    const sock = ws;
    ws = null;
    if (sock) {
      sock.onclose = sock.onmessage = sock.onopen = null;
      try {
        sock.close();
      } catch {
        /* already closed */
      }
    }
    failPending();
    if (stopped) return onState('closed');
    if (openedAt && Date.now() - openedAt > 10_000) attempt = 0;
    openedAt = 0;
    const delay = Math.min(MAX_DELAY, 1000 * 2 ** attempt);
    attempt++;
    onState('reconnecting');
    timer = setTimeout(open, delay);
  }

  /** Send a request; resolves with the ack (or onAck's result), rejects with RequestError. */
  function request(type, fields = {}, onAck = null) {
    return new Promise((resolve, reject) => {
      if (!ws || ws.readyState !== WebSocket.OPEN) {
        reject(new RequestError({ code: 'connection_lost' }));
        return;
      }
      const id = nextId++;
      pending.set(id, { resolve, reject, onAck });
      ws.send(JSON.stringify({ ...fields, type, id }));
      lastSent = Date.now();
    });
  }

  setInterval(() => {
    if (!ws || ws.readyState !== WebSocket.OPEN || Date.now() - lastSent < PING_AFTER) return;
    const sock = ws;
    const guard = setTimeout(() => sock === ws && dropped(), PING_TIMEOUT);
    request('ping').then(
      () => clearTimeout(guard),
      () => clearTimeout(guard),
    );
  }, 5000);

  // Back online: no need to wait for the end of the backoff.
  addEventListener('online', () => {
    if (!ws && !stopped && timer) open();
  });

  return {
    open,
    request,
    /** Close and do not reconnect (quit, session taken over). */
    stop() {
      stopped = true;
      clearTimeout(timer);
      if (ws) dropped();
      else onState('closed');
    },
    /** A fresh connection now, forgetting the backoff. */
    restart() {
      stopped = true;
      if (ws) dropped();
      attempt = 0;
      open();
    },
    get isOpen() {
      return !!ws && ws.readyState === WebSocket.OPEN;
    },
  };
}
