// One small interface over two maintained WebDriver clients, so that every engine spec is
// written once: Firefox through WebDriver BiDi with `puppeteer-core` (Debian's
// firefox-esr), WebKit through W3C WebDriver with `selenium-webdriver` (Debian's
// WebKitWebDriver driving WebKitGTK's MiniBrowser under Xvfb). Both clients are pinned in
// package.json and installed by `npm ci`; neither downloads a browser or a driver.
//
// Elements are found the way a reader finds them: by role and accessible name (Puppeteer's
// ARIA query, which asks Firefox's accessibility tree; for WebKit, the driver's computed
// role and label, i.e. WebKit's own), or by visible text.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import puppeteer from 'puppeteer-core';
import { WebDriver, By, Key, Capabilities } from 'selenium-webdriver';
import { Executor, HttpClient } from 'selenium-webdriver/http/index.js';

export const FIREFOX = '/usr/bin/firefox-esr';
export const WEBKIT_DRIVER = '/usr/bin/WebKitWebDriver';
export const MINIBROWSER = '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser';

const sleep = (ms) => new Promise((ok) => setTimeout(ok, ms));

async function freePort() {
  const srv = net.createServer();
  await new Promise((ok) => srv.listen(0, '127.0.0.1', ok));
  const { port } = srv.address();
  await new Promise((ok) => srv.close(ok));
  return port;
}

async function waitForPort(port, ms) {
  const until = Date.now() + ms;
  for (;;) {
    const ok = await new Promise((done) => {
      const s = net.connect(port, '127.0.0.1', () => { s.end(); done(true); });
      s.on('error', () => done(false));
    });
    if (ok) return;
    if (Date.now() > until) throw new Error(`nothing listens on port ${port} after ${ms} ms`);
    await sleep(100);
  }
}

// What a reader should never meet, recorded inside the page from its first script on: uncaught
// errors, rejected promises, console.error and Content-Security-Policy violations. Served by
// the proxy below as a same-origin script, so the page's strict policy allows it unchanged.
export const PROBE = `(() => {
  const seen = window.__probe = { errors: [], csp: [], files: [] };
  addEventListener('error', (e) => {
    // The spec's benign notice when a resize observer's callback resizes what it observes
    // (the chart's box, while a test resizes the window); no reader sees it.
    if (/^ResizeObserver loop/.test(e.message)) return;
    const t = e.target;
    seen.errors.push(t && t !== window ? 'failed to load ' + (t.src || t.href || t.tagName) : String(e.message) + ' at ' + e.filename + ':' + e.lineno);
  }, true);
  addEventListener('unhandledrejection', (e) => seen.errors.push('unhandled rejection: ' + e.reason));
  document.addEventListener('securitypolicyviolation', (e) => seen.csp.push(e.violatedDirective + ' blocked ' + (e.blockedURI || '(inline)')));
  // Every text drawn on a chart canvas, as the drawing browser measures it: the box of its
  // ink in the canvas's pixels (tests/engines/text-fit.spec.mjs). Only recorded, never changed.
  seen.texts = [];
  // A drawing starts by filling the whole canvas: only the latest drawing's texts are kept.
  for (const name of ['fillRect', 'clearRect']) {
    const orig = CanvasRenderingContext2D.prototype[name];
    CanvasRenderingContext2D.prototype[name] = function (x, y, w, h) {
      if (this.canvas.getAttribute && this.canvas.getAttribute('role') === 'img' && x <= 0 && y <= 0 && x + w >= this.canvas.width && y + h >= this.canvas.height) seen.texts = [];
      return orig.call(this, x, y, w, h);
    };
  }
  const fill = CanvasRenderingContext2D.prototype.fillText;
  CanvasRenderingContext2D.prototype.fillText = function (text, x, y, ...rest) {
    if (this.canvas.getAttribute && this.canvas.getAttribute('role') === 'img') {
      const m = this.measureText(text);
      const t = this.getTransform();
      const xs = [x - m.actualBoundingBoxLeft, x + m.actualBoundingBoxRight];
      const ys = [y - m.actualBoundingBoxAscent, y + m.actualBoundingBoxDescent];
      const px = [], py = [];
      for (const a of xs) for (const b of ys) { px.push(t.a * a + t.c * b + t.e); py.push(t.b * a + t.d * b + t.f); }
      if (seen.texts.length > 4000) seen.texts.length = 0;
      seen.texts.push({ text: String(text), font: this.font, x0: Math.min(...px), x1: Math.max(...px), y0: Math.min(...py), y1: Math.max(...py), width: this.canvas.width, height: this.canvas.height });
    }
    return fill.call(this, text, x, y, ...rest);
  };
  const error = console.error;
  console.error = function (...args) { seen.errors.push(args.map(String).join(' ')); return error.apply(this, args); };
})();`;

/// A proxy in front of the site `upstream` that adds the probe as the first script of every
/// HTML page (right after the policy), and otherwise passes everything through untouched.
export async function probeProxy(upstream) {
  const up = new URL(upstream);
  const server = http.createServer((req, res) => {
    if (req.url === '/__probe.js') {
      res.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8' });
      res.end(PROBE);
      return;
    }
    const fwd = http.request({ host: up.hostname, port: up.port, path: req.url, method: req.method, headers: req.headers }, (r) => {
      const html = /text\/html/.test(r.headers['content-type'] ?? '');
      if (!html) {
        res.writeHead(r.statusCode, r.headers);
        r.pipe(res);
        return;
      }
      const parts = [];
      r.on('data', (c) => parts.push(c));
      r.on('end', () => {
        let body = Buffer.concat(parts).toString('utf8');
        const tag = '<script src="/__probe.js"></script>';
        const csp = body.match(/<meta http-equiv="Content-Security-Policy"[^>]*>/);
        body = csp ? body.replace(csp[0], csp[0] + tag) : body.replace('<head>', '<head>' + tag);
        const headers = { ...r.headers };
        delete headers['content-length'];
        res.writeHead(r.statusCode, headers);
        res.end(body);
      });
    });
    fwd.on('error', (e) => { res.writeHead(502); res.end(String(e)); });
    req.pipe(fwd);
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  return { url: `http://127.0.0.1:${server.address().port}`, close: () => new Promise((ok) => server.close(ok)) };
}

// ---- Firefox (puppeteer-core over WebDriver BiDi) ------------------------------------------

class FirefoxEngine {
  static launch(prefs = {}) {
    return puppeteer.launch({
      browser: 'firefox',
      executablePath: FIREFOX,
      headless: true,
      // Nothing leaves the machine: no updates, telemetry or remote settings.
      extraPrefsFirefox: {
        'app.update.enabled': false,
        'datareporting.policy.dataSubmissionEnabled': false,
        'network.captive-portal-service.enabled': false,
        'browser.safebrowsing.malware.enabled': false,
        'browser.safebrowsing.phishing.enabled': false,
        ...prefs,
      },
    });
  }

  static async start() {
    const browser = await FirefoxEngine.launch();
    const e = new FirefoxEngine();
    e.browser = browser;
    e.version = await browser.version();
    return e;
  }

  async session({ width = 1280, height = 900, dpr = 1, javaScript = true } = {}) {
    // WebDriver BiDi in this Firefox cannot switch scripts off in a page: a browser of its
    // own with the preference off, started when first asked for.
    if (!javaScript) this.noScript ??= await FirefoxEngine.launch({ 'javascript.enabled': false });
    const context = await (javaScript ? this.browser : this.noScript).createBrowserContext();
    const page = await context.newPage();
    const s = new FirefoxSession(context, page);
    s.dpr = dpr;
    page.on('console', (m) => { if (m.type() === 'error') s.consoleErrors.push(m.text()); });
    page.on('pageerror', (e) => s.consoleErrors.push(String(e)));
    await page.setViewport({ width, height, deviceScaleFactor: dpr });
    return s;
  }

  async stop() {
    await this.noScript?.close();
    await this.browser.close();
  }
}

class FirefoxSession {
  constructor(context, page) { this.context = context; this.page = page; this.consoleErrors = []; }
  async goto(url) { await this.page.goto(url, { waitUntil: 'load' }); }
  async resize(width, height) { await this.page.setViewport({ width, height, deviceScaleFactor: this.dpr }); }
  async url() { return this.page.url(); }
  async eval(fn, ...args) { return this.page.evaluate(fn, ...args); }
  async role(role, name, { exact = true } = {}) {
    if (typeof name === 'string' && exact) {
      const h = await this.page.$(`::-p-aria([name=${JSON.stringify(name)}][role="${role}"])`);
      return h && new FirefoxHandle(this, h);
    }
    // A pattern: the role's candidates, named as the accessible-name rules name them in
    // the common cases (aria-label, the element's label, its text).
    for (const h of await this.page.$$(ROLE_CSS[role] ?? `[role=${role}]`)) {
      const label = await h.evaluate((el) => el.getAttribute('aria-label') ?? el.labels?.[0]?.textContent ?? el.textContent ?? '');
      if (matches(label.trim(), name, exact)) return new FirefoxHandle(this, h);
    }
    return null;
  }
  async text(text) {
    const h = await this.page.$(`::-p-text(${text})`);
    return h && new FirefoxHandle(this, h);
  }
  async css(selector) {
    const h = await this.page.$(selector);
    return h && new FirefoxHandle(this, h);
  }
  async press(key) {
    if (key === 'Shift+Tab') {
      await this.page.keyboard.down('Shift');
      await this.page.keyboard.press('Tab');
      await this.page.keyboard.up('Shift');
    } else {
      await this.page.keyboard.press(key === 'Space' ? ' ' : key);
    }
  }
  /// Runs `fn` in the first iframe's document (the embed).
  async inFrame(fn, ...args) {
    const frame = this.page.frames().find((f) => f !== this.page.mainFrame());
    if (!frame) throw new Error('no iframe');
    return frame.evaluate(fn, ...args);
  }
  async errors() {
    const probe = await this.eval(() => window.__probe ?? { errors: [], csp: [] }).catch(() => ({ errors: [], csp: [] }));
    return { errors: [...this.consoleErrors, ...probe.errors], csp: probe.csp };
  }
  async close() { await this.context.close(); }
}

class FirefoxHandle {
  constructor(s, h) { this.s = s; this.h = h; }
  async click() { await this.h.click(); }
  async attr(name) { return this.h.evaluate((el, n) => el.getAttribute(n), name); }
  async text() { return this.h.evaluate((el) => el.textContent); }
  async prop(name) { return this.h.evaluate((el, n) => el[n], name); }
  async eval(fn, ...args) { return this.h.evaluate(fn, ...args); }
}

// ---- WebKit (selenium-webdriver over W3C WebDriver) -----------------------------------------

/// Candidate elements for a role; the driver's computed role and label then decide.
const ROLE_CSS = {
  button: 'button, [role=button]',
  checkbox: 'input[type=checkbox], [role=checkbox]',
  radio: 'input[type=radio], [role=radio]',
  tab: '[role=tab]',
  textbox: 'input:not([type]), input[type=text], textarea',
  searchbox: 'input[type=search]',
  link: 'a[href]',
  img: '[role=img], img',
  combobox: 'select',
  heading: 'h1, h2, h3, h4, h5, h6',
  group: '[role=group], fieldset',
};

class WebKitEngine {
  static async start({ scale = 1 } = {}) {
    const e = new WebKitEngine();
    const display = 90 + Math.floor(Math.random() * 400);
    e.xvfb = spawn('Xvfb', [`:${display}`, '-screen', '0', '1600x1200x24', '-nolisten', 'tcp'], { stdio: 'ignore' });
    await sleep(300);
    // GDK_SCALE=2 gives MiniBrowser a device-pixel ratio of 2 (WebDriver cannot set one).
    e.env = { ...process.env, DISPLAY: `:${display}`, GDK_SCALE: String(scale) };
    const first = await e.session();
    e.version = (await first.driver.getCapabilities()).get('browserVersion');
    await first.close();
    return e;
  }

  /// A session: the idle one left by an earlier test when there is one (a MiniBrowser takes
  /// about 4 s to start), a new one when `fresh` is asked for or JavaScript is off.
  ///
  /// A new session gets a WebKitWebDriver of its own, ended with it. WebKitWebDriver runs
  /// one automation session at a time and lets a quit one go only some time after answering
  /// the quit: one driver for all sessions met "Maximum number of active sessions" after a
  /// quit in full runs (four tests in the first version, six in the first one-worker run with
  /// ten seconds of retries; waiting on the driver's /status hung, and
  /// --replace-on-new-session once hung a new session past the test's minute). The sessions
  /// of one engine still never overlap: the idle one is ended before a new one starts, and
  /// one worker runs all WebKit tests (engines.config.mjs).
  async session({ width = 1280, height = 900, javaScript = true, fresh = false } = {}) {
    if (javaScript && !fresh && this.idle) {
      const s = this.idle;
      this.idle = null;
      await s.eval(() => { try { localStorage.clear(); sessionStorage.clear(); } catch { /* about:blank */ } });
      await s.goto('about:blank');
      await s.setViewport(width, height);
      return s;
    }
    if (this.idle) {
      const idle = this.idle;
      this.idle = null;
      await idle.end();
    }
    // A driver and its MiniBrowser, started; a start that hangs is killed and tried once
    // more. One full run lost a test to its minute's timeout in a test that starts two
    // sessions, with nothing else to see; a start takes about 4 s when it works.
    const start = async () => {
      const port = await freePort();
      const proc = spawn(WEBKIT_DRIVER, [`--port=${port}`], { env: this.env, stdio: 'ignore' });
      let timer;
      try {
        await waitForPort(port, 10_000);
        const caps = new Map(Object.entries({
          'webkitgtk:browserOptions': {
            binary: MINIBROWSER,
            args: ['--automation', ...(javaScript ? [] : ['--enable-javascript=false'])],
          },
        }));
        // createSession answers at once; the session itself is a promise of its own.
        const driver = WebDriver.createSession(new Executor(new HttpClient(`http://127.0.0.1:${port}`)), new Capabilities(caps));
        const hung = new Promise((_, reject) => { timer = setTimeout(() => reject(new Error('WebKitWebDriver started no session in 20 s')), 20_000); });
        await Promise.race([driver.getSession(), hung]);
        return { proc, driver };
      } catch (e) {
        proc.kill('SIGKILL');
        throw e;
      } finally {
        clearTimeout(timer);
      }
    };
    let started;
    try {
      started = await start();
    } catch (e) {
      process.stderr.write(`engines: webkit: ${e.message}; starting another driver\n`);
      started = await start();
    }
    const { proc, driver } = started;
    const s = new WebKitSession(driver);
    s.proc = proc;
    s.pool = javaScript ? this : null;
    s.javaScript = javaScript;
    await s.setViewport(width, height);
    return s;
  }

  async stop() {
    if (this.idle) await this.idle.end();
    this.xvfb.kill();
  }
}

class WebKitSession {
  constructor(driver) { this.driver = driver; }
  async setViewport(width, height) {
    await this.driver.manage().window().setRect({ width, height });
    if (!this.javaScript) return;
    // The window's outer size includes nothing else in MiniBrowser's automation mode, but
    // correct for whatever it adds, so the page's innerWidth is what was asked for.
    const inner = await this.driver.executeScript('return [innerWidth, innerHeight]');
    if (inner[0] !== width || inner[1] !== height) {
      await this.driver.manage().window().setRect({ width: 2 * width - inner[0], height: 2 * height - inner[1] });
    }
  }
  async goto(url) { await this.driver.get(url); }
  async resize(width, height) { await this.setViewport(width, height); }
  async url() { return this.driver.getCurrentUrl(); }
  async eval(fn, ...args) {
    return this.driver.executeScript(`return (${fn}).apply(null, arguments)`, ...args);
  }
  async role(role, name, { exact = true } = {}) {
    const css = ROLE_CSS[role] ?? `[role=${role}]`;
    for (const el of await this.driver.findElements(By.css(css))) {
      if (!(await el.isDisplayed().catch(() => false)) && role !== 'tab') continue;
      const label = await el.getAccessibleName().catch(() => null);
      if (matches(label ?? '', name, exact)) return new WebKitHandle(this, el);
    }
    return null;
  }
  async text(text) {
    const lit = text.includes("'") ? `concat('${text.split("'").join(`', "'", '`)}')` : `'${text}'`;
    const els = await this.driver.findElements(By.xpath(`//*[contains(normalize-space(.), ${lit}) and not(*[contains(normalize-space(.), ${lit})])]`));
    return els[0] ? new WebKitHandle(this, els[0]) : null;
  }
  async css(selector) {
    const els = await this.driver.findElements(By.css(selector));
    return els[0] ? new WebKitHandle(this, els[0]) : null;
  }
  async press(key) {
    const map = { Tab: Key.TAB, Enter: Key.ENTER, Space: Key.SPACE, ArrowDown: Key.ARROW_DOWN, ArrowUp: Key.ARROW_UP, ArrowRight: Key.ARROW_RIGHT, ArrowLeft: Key.ARROW_LEFT, End: Key.END, Home: Key.HOME };
    const actions = this.driver.actions();
    if (key === 'Shift+Tab') await actions.keyDown(Key.SHIFT).sendKeys(Key.TAB).keyUp(Key.SHIFT).perform();
    else await actions.sendKeys(map[key] ?? key).perform();
  }
  async inFrame(fn, ...args) {
    const frame = await this.driver.findElement(By.css('iframe'));
    await this.driver.switchTo().frame(frame);
    try {
      return await this.eval(fn, ...args);
    } finally {
      await this.driver.switchTo().defaultContent();
    }
  }
  async errors() {
    // With scripts off nothing runs, and a script asked for would wait for its timeout.
    if (!this.javaScript) return { errors: [], csp: [] };
    const probe = await this.eval(() => window.__probe ?? { errors: [], csp: [] }).catch(() => ({ errors: [], csp: [] }));
    return { errors: probe.errors, csp: probe.csp };
  }
  async close() {
    if (this.pool && !this.pool.idle) this.pool.idle = this;
    else await this.end();
  }
  /// Quits the session (a MiniBrowser that does not answer in 10 s is left to its driver's
  /// end) and ends its driver.
  async end() {
    await Promise.race([this.driver.quit().catch(() => {}), sleep(10_000)]);
    // SIGKILL: a driver that has just let a session go can outlive a SIGTERM.
    this.proc.kill('SIGKILL');
  }
}

class WebKitHandle {
  constructor(s, el) { this.s = s; this.el = el; }
  async click() { await this.el.click(); }
  async attr(name) { return this.s.eval((el, n) => el.getAttribute(n), this.el, name); }
  async text() { return this.el.getText(); }
  async prop(name) { return this.s.eval((el, n) => el[n], this.el, name); }
  async eval(fn, ...args) {
    return this.s.driver.executeScript(`const el = arguments[0]; return (${fn}).apply(null, [el, ...Array.prototype.slice.call(arguments, 1)])`, this.el, ...args);
  }
}

function matches(label, name, exact) {
  if (name instanceof RegExp) return name.test(label);
  return exact ? label.trim() === name : label.includes(name);
}

export async function startEngine(name, opts) {
  if (name === 'firefox') return FirefoxEngine.start(opts);
  if (name === 'webkit') return WebKitEngine.start(opts);
  throw new Error(`unknown engine ${name}`);
}

export const installed = (name) => fs.existsSync(name === 'firefox' ? FIREFOX : MINIBROWSER);
