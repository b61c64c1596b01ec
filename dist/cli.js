#!/usr/bin/env node
import { createRequire as __uplevelCreateRequire } from 'node:module'; const require = __uplevelCreateRequire(import.meta.url);
var __create = Object.create;
var __defProp = Object.defineProperty;
var __getOwnPropDesc = Object.getOwnPropertyDescriptor;
var __getOwnPropNames = Object.getOwnPropertyNames;
var __getProtoOf = Object.getPrototypeOf;
var __hasOwnProp = Object.prototype.hasOwnProperty;
var __require = /* @__PURE__ */ ((x) => typeof require !== "undefined" ? require : typeof Proxy !== "undefined" ? new Proxy(x, {
  get: (a, b) => (typeof require !== "undefined" ? require : a)[b]
}) : x)(function(x) {
  if (typeof require !== "undefined") return require.apply(this, arguments);
  throw Error('Dynamic require of "' + x + '" is not supported');
});
var __esm = (fn, res, err) => function __init() {
  if (err) throw err[0];
  try {
    return fn && (res = (0, fn[__getOwnPropNames(fn)[0]])(fn = 0)), res;
  } catch (e) {
    throw err = [e], e;
  }
};
var __commonJS = (cb, mod) => function __require2() {
  try {
    return mod || (0, cb[__getOwnPropNames(cb)[0]])((mod = { exports: {} }).exports, mod), mod.exports;
  } catch (e) {
    throw mod = 0, e;
  }
};
var __export = (target, all) => {
  for (var name in all)
    __defProp(target, name, { get: all[name], enumerable: true });
};
var __copyProps = (to, from, except, desc) => {
  if (from && typeof from === "object" || typeof from === "function") {
    for (let key of __getOwnPropNames(from))
      if (!__hasOwnProp.call(to, key) && key !== except)
        __defProp(to, key, { get: () => from[key], enumerable: !(desc = __getOwnPropDesc(from, key)) || desc.enumerable });
  }
  return to;
};
var __toESM = (mod, isNodeMode, target) => (target = mod != null ? __create(__getProtoOf(mod)) : {}, __copyProps(
  // If the importer is in node compatibility mode or this is not an ESM
  // file that has been converted to a CommonJS file using a Babel-
  // compatible transform (i.e. "__esModule" has not been set), then set
  // "default" to the CommonJS "module.exports" for node compatibility.
  isNodeMode || !mod || !mod.__esModule ? __defProp(target, "default", { value: mod, enumerable: true }) : target,
  mod
));

// src/core/errors.ts
function isUplevelError(e) {
  return e instanceof UplevelError;
}
function fromSystemError(e) {
  const err = e;
  const why = err?.code ? SYSTEM_REFUSALS[err.code] : void 0;
  if (!why) return void 0;
  const where = err?.path ? `${err.path}: ` : "";
  return badInput(`${where}${why} (${err?.code}${err?.syscall ? ` on ${err.syscall}` : ""})`);
}
function withPath(e, file) {
  const err = e;
  if (err && typeof err === "object" && err.code && !err.path) err.path = file;
  return e;
}
var ExitCode, UplevelError, badInput, verificationFailed, unreachable, SYSTEM_REFUSALS;
var init_errors = __esm({
  "src/core/errors.ts"() {
    "use strict";
    ExitCode = {
      ok: 0,
      bug: 1,
      badInput: 2,
      verification: 3,
      conflict: 4,
      testsFailed: 5,
      unreachable: 6,
      updatesAvailable: 10
    };
    UplevelError = class extends Error {
      constructor(exitCode, message, details = []) {
        super(message);
        this.exitCode = exitCode;
        this.details = details;
        this.name = "UplevelError";
      }
      exitCode;
      details;
    };
    badInput = (message, details) => new UplevelError(ExitCode.badInput, message, details);
    verificationFailed = (message, details) => new UplevelError(ExitCode.verification, message, details);
    unreachable = (message, details) => new UplevelError(ExitCode.unreachable, message, details);
    SYSTEM_REFUSALS = {
      ENOSPC: "no space left on the device",
      EDQUOT: "disk quota exceeded",
      EACCES: "permission denied",
      EPERM: "operation not permitted",
      EROFS: "read-only file system",
      EMFILE: "too many open files (raise ulimit -n)",
      ENFILE: "too many open files on this machine"
    };
  }
});

// node_modules/semver/internal/constants.js
var require_constants = __commonJS({
  "node_modules/semver/internal/constants.js"(exports, module) {
    "use strict";
    var SEMVER_SPEC_VERSION = "2.0.0";
    var MAX_LENGTH = 256;
    var MAX_SAFE_INTEGER = Number.MAX_SAFE_INTEGER || /* istanbul ignore next */
    9007199254740991;
    var MAX_SAFE_COMPONENT_LENGTH = 16;
    var MAX_SAFE_BUILD_LENGTH = MAX_LENGTH - 6;
    var WHITESPACE_CHARACTERS = [
      "	",
      "\n",
      "\v",
      "\f",
      "\r",
      " ",
      "\xA0",
      "\u1680",
      "\u2000",
      "\u2001",
      "\u2002",
      "\u2003",
      "\u2004",
      "\u2005",
      "\u2006",
      "\u2007",
      "\u2008",
      "\u2009",
      "\u200A",
      "\u2028",
      "\u2029",
      "\u202F",
      "\u205F",
      "\u3000",
      "\uFEFF"
    ];
    var RELEASE_TYPES = [
      "major",
      "premajor",
      "minor",
      "preminor",
      "patch",
      "prepatch",
      "prerelease"
    ];
    module.exports = {
      MAX_LENGTH,
      MAX_SAFE_COMPONENT_LENGTH,
      MAX_SAFE_BUILD_LENGTH,
      MAX_SAFE_INTEGER,
      WHITESPACE_CHARACTERS,
      RELEASE_TYPES,
      SEMVER_SPEC_VERSION,
      FLAG_INCLUDE_PRERELEASE: 1,
      FLAG_LOOSE: 2
    };
  }
});

// node_modules/semver/internal/debug.js
var require_debug = __commonJS({
  "node_modules/semver/internal/debug.js"(exports, module) {
    "use strict";
    var debug = typeof process === "object" && process.env && process.env.NODE_DEBUG && /\bsemver\b/i.test(process.env.NODE_DEBUG) ? (...args) => console.error("SEMVER", ...args) : () => {
    };
    module.exports = debug;
  }
});

// node_modules/semver/internal/re.js
var require_re = __commonJS({
  "node_modules/semver/internal/re.js"(exports, module) {
    "use strict";
    var {
      MAX_SAFE_COMPONENT_LENGTH,
      MAX_SAFE_BUILD_LENGTH,
      MAX_LENGTH
    } = require_constants();
    var debug = require_debug();
    exports = module.exports = {};
    var re = exports.re = [];
    var safeRe = exports.safeRe = [];
    var src = exports.src = [];
    var safeSrc = exports.safeSrc = [];
    var t = exports.t = {};
    var R = 0;
    var LETTERDASHNUMBER = "[a-zA-Z0-9-]";
    var safeRegexReplacements = [
      ["\\s", 1],
      ["\\d", MAX_LENGTH],
      [LETTERDASHNUMBER, MAX_SAFE_BUILD_LENGTH]
    ];
    var makeSafeRegex = (value) => {
      for (const [token, max] of safeRegexReplacements) {
        value = value.split(`${token}*`).join(`${token}{0,${max}}`).split(`${token}+`).join(`${token}{1,${max}}`);
      }
      return value;
    };
    var createToken = (name, value, isGlobal) => {
      const safe = makeSafeRegex(value);
      const index = R++;
      debug(name, index, value);
      t[name] = index;
      src[index] = value;
      safeSrc[index] = safe;
      re[index] = new RegExp(value, isGlobal ? "g" : void 0);
      safeRe[index] = new RegExp(safe, isGlobal ? "g" : void 0);
    };
    createToken("NUMERICIDENTIFIER", "0|[1-9]\\d*");
    createToken("NUMERICIDENTIFIERLOOSE", "\\d+");
    createToken("NONNUMERICIDENTIFIER", `\\d*[a-zA-Z-]${LETTERDASHNUMBER}*`);
    createToken("MAINVERSION", `(${src[t.NUMERICIDENTIFIER]})\\.(${src[t.NUMERICIDENTIFIER]})\\.(${src[t.NUMERICIDENTIFIER]})`);
    createToken("MAINVERSIONLOOSE", `(${src[t.NUMERICIDENTIFIERLOOSE]})\\.(${src[t.NUMERICIDENTIFIERLOOSE]})\\.(${src[t.NUMERICIDENTIFIERLOOSE]})`);
    createToken("PRERELEASEIDENTIFIER", `(?:${src[t.NONNUMERICIDENTIFIER]}|${src[t.NUMERICIDENTIFIER]})`);
    createToken("PRERELEASEIDENTIFIERLOOSE", `(?:${src[t.NONNUMERICIDENTIFIER]}|${src[t.NUMERICIDENTIFIERLOOSE]})`);
    createToken("PRERELEASE", `(?:-(${src[t.PRERELEASEIDENTIFIER]}(?:\\.${src[t.PRERELEASEIDENTIFIER]})*))`);
    createToken("PRERELEASELOOSE", `(?:-?(${src[t.PRERELEASEIDENTIFIERLOOSE]}(?:\\.${src[t.PRERELEASEIDENTIFIERLOOSE]})*))`);
    createToken("BUILDIDENTIFIER", `${LETTERDASHNUMBER}+`);
    createToken("BUILD", `(?:\\+(${src[t.BUILDIDENTIFIER]}(?:\\.${src[t.BUILDIDENTIFIER]})*))`);
    createToken("FULLPLAIN", `v?${src[t.MAINVERSION]}${src[t.PRERELEASE]}?${src[t.BUILD]}?`);
    createToken("FULL", `^${src[t.FULLPLAIN]}$`);
    createToken("LOOSEPLAIN", `[v=\\s]*${src[t.MAINVERSIONLOOSE]}${src[t.PRERELEASELOOSE]}?${src[t.BUILD]}?`);
    createToken("LOOSE", `^${src[t.LOOSEPLAIN]}$`);
    createToken("GTLT", "((?:<|>)?=?)");
    createToken("XRANGEIDENTIFIERLOOSE", `${src[t.NUMERICIDENTIFIERLOOSE]}|x|X|\\*`);
    createToken("XRANGEIDENTIFIER", `${src[t.NUMERICIDENTIFIER]}|x|X|\\*`);
    createToken("XRANGEPLAIN", `[v=\\s]*(${src[t.XRANGEIDENTIFIER]})(?:\\.(${src[t.XRANGEIDENTIFIER]})(?:\\.(${src[t.XRANGEIDENTIFIER]})(?:${src[t.PRERELEASE]})?${src[t.BUILD]}?)?)?`);
    createToken("XRANGEPLAINLOOSE", `[v=\\s]*(${src[t.XRANGEIDENTIFIERLOOSE]})(?:\\.(${src[t.XRANGEIDENTIFIERLOOSE]})(?:\\.(${src[t.XRANGEIDENTIFIERLOOSE]})(?:${src[t.PRERELEASELOOSE]})?${src[t.BUILD]}?)?)?`);
    createToken("XRANGE", `^${src[t.GTLT]}\\s*${src[t.XRANGEPLAIN]}$`);
    createToken("XRANGELOOSE", `^${src[t.GTLT]}\\s*${src[t.XRANGEPLAINLOOSE]}$`);
    createToken("COERCEPLAIN", `${"(^|[^\\d])(\\d{1,"}${MAX_SAFE_COMPONENT_LENGTH}})(?:\\.(\\d{1,${MAX_SAFE_COMPONENT_LENGTH}}))?(?:\\.(\\d{1,${MAX_SAFE_COMPONENT_LENGTH}}))?`);
    createToken("COERCE", `${src[t.COERCEPLAIN]}(?:$|[^\\d])`);
    createToken("COERCEFULL", src[t.COERCEPLAIN] + `(?:${src[t.PRERELEASE]})?(?:${src[t.BUILD]})?(?:$|[^\\d])`);
    createToken("COERCERTL", src[t.COERCE], true);
    createToken("COERCERTLFULL", src[t.COERCEFULL], true);
    createToken("LONETILDE", "(?:~>?)");
    createToken("TILDETRIM", `(\\s*)${src[t.LONETILDE]}\\s+`, true);
    exports.tildeTrimReplace = "$1~";
    createToken("TILDE", `^${src[t.LONETILDE]}${src[t.XRANGEPLAIN]}$`);
    createToken("TILDELOOSE", `^${src[t.LONETILDE]}${src[t.XRANGEPLAINLOOSE]}$`);
    createToken("LONECARET", "(?:\\^)");
    createToken("CARETTRIM", `(\\s*)${src[t.LONECARET]}\\s+`, true);
    exports.caretTrimReplace = "$1^";
    createToken("CARET", `^${src[t.LONECARET]}${src[t.XRANGEPLAIN]}$`);
    createToken("CARETLOOSE", `^${src[t.LONECARET]}${src[t.XRANGEPLAINLOOSE]}$`);
    createToken("COMPARATORLOOSE", `^${src[t.GTLT]}\\s*(${src[t.LOOSEPLAIN]})$|^$`);
    createToken("COMPARATOR", `^${src[t.GTLT]}\\s*(${src[t.FULLPLAIN]})$|^$`);
    createToken("COMPARATORTRIM", `(\\s*)${src[t.GTLT]}\\s*(${src[t.LOOSEPLAIN]}|${src[t.XRANGEPLAIN]})`, true);
    exports.comparatorTrimReplace = "$1$2$3";
    createToken("HYPHENRANGE", `^\\s*(${src[t.XRANGEPLAIN]})\\s+-\\s+(${src[t.XRANGEPLAIN]})\\s*$`);
    createToken("HYPHENRANGELOOSE", `^\\s*(${src[t.XRANGEPLAINLOOSE]})\\s+-\\s+(${src[t.XRANGEPLAINLOOSE]})\\s*$`);
    createToken("STAR", "(<|>)?=?\\s*\\*");
    createToken("GTE0", "^\\s*>=\\s*0\\.0\\.0\\s*$");
    createToken("GTE0PRE", "^\\s*>=\\s*0\\.0\\.0-0\\s*$");
  }
});

// node_modules/semver/internal/parse-options.js
var require_parse_options = __commonJS({
  "node_modules/semver/internal/parse-options.js"(exports, module) {
    "use strict";
    var looseOption = Object.freeze({ loose: true });
    var emptyOpts = Object.freeze({});
    var parseOptions = (options2) => {
      if (!options2) {
        return emptyOpts;
      }
      if (typeof options2 !== "object") {
        return looseOption;
      }
      return options2;
    };
    module.exports = parseOptions;
  }
});

// node_modules/semver/internal/identifiers.js
var require_identifiers = __commonJS({
  "node_modules/semver/internal/identifiers.js"(exports, module) {
    "use strict";
    var numeric = /^[0-9]+$/;
    var compareIdentifiers = (a, b) => {
      if (typeof a === "number" && typeof b === "number") {
        return a === b ? 0 : a < b ? -1 : 1;
      }
      const anum = numeric.test(a);
      const bnum = numeric.test(b);
      if (anum && bnum) {
        a = +a;
        b = +b;
      }
      return a === b ? 0 : anum && !bnum ? -1 : bnum && !anum ? 1 : a < b ? -1 : 1;
    };
    var rcompareIdentifiers = (a, b) => compareIdentifiers(b, a);
    module.exports = {
      compareIdentifiers,
      rcompareIdentifiers
    };
  }
});

// node_modules/semver/classes/semver.js
var require_semver = __commonJS({
  "node_modules/semver/classes/semver.js"(exports, module) {
    "use strict";
    var debug = require_debug();
    var { MAX_LENGTH, MAX_SAFE_INTEGER } = require_constants();
    var { safeRe: re, t } = require_re();
    var parseOptions = require_parse_options();
    var { compareIdentifiers } = require_identifiers();
    var isPrereleaseIdentifier = (prerelease, identifier) => {
      const identifiers = identifier.split(".");
      if (identifiers.length > prerelease.length) {
        return false;
      }
      for (let i = 0; i < identifiers.length; i++) {
        if (compareIdentifiers(prerelease[i], identifiers[i]) !== 0) {
          return false;
        }
      }
      return true;
    };
    var SemVer = class _SemVer {
      constructor(version, options2) {
        options2 = parseOptions(options2);
        if (version instanceof _SemVer) {
          if (version.loose === !!options2.loose && version.includePrerelease === !!options2.includePrerelease) {
            return version;
          } else {
            version = version.version;
          }
        } else if (typeof version !== "string") {
          throw new TypeError(`Invalid version. Must be a string. Got type "${typeof version}".`);
        }
        if (version.length > MAX_LENGTH) {
          throw new TypeError(
            `version is longer than ${MAX_LENGTH} characters`
          );
        }
        debug("SemVer", version, options2);
        this.options = options2;
        this.loose = !!options2.loose;
        this.includePrerelease = !!options2.includePrerelease;
        const m = version.trim().match(options2.loose ? re[t.LOOSE] : re[t.FULL]);
        if (!m) {
          throw new TypeError(`Invalid Version: ${version}`);
        }
        this.raw = version;
        this.major = +m[1];
        this.minor = +m[2];
        this.patch = +m[3];
        if (this.major > MAX_SAFE_INTEGER || this.major < 0) {
          throw new TypeError("Invalid major version");
        }
        if (this.minor > MAX_SAFE_INTEGER || this.minor < 0) {
          throw new TypeError("Invalid minor version");
        }
        if (this.patch > MAX_SAFE_INTEGER || this.patch < 0) {
          throw new TypeError("Invalid patch version");
        }
        if (!m[4]) {
          this.prerelease = [];
        } else {
          this.prerelease = m[4].split(".").map((id) => {
            if (/^[0-9]+$/.test(id)) {
              const num = +id;
              if (num >= 0 && num < MAX_SAFE_INTEGER) {
                return num;
              }
            }
            return id;
          });
        }
        this.build = m[5] ? m[5].split(".") : [];
        this.format();
      }
      format() {
        this.version = `${this.major}.${this.minor}.${this.patch}`;
        if (this.prerelease.length) {
          this.version += `-${this.prerelease.join(".")}`;
        }
        return this.version;
      }
      toString() {
        return this.version;
      }
      compare(other) {
        debug("SemVer.compare", this.version, this.options, other);
        if (!(other instanceof _SemVer)) {
          if (typeof other === "string" && other === this.version) {
            return 0;
          }
          other = new _SemVer(other, this.options);
        }
        if (other.version === this.version) {
          return 0;
        }
        return this.compareMain(other) || this.comparePre(other);
      }
      compareMain(other) {
        if (!(other instanceof _SemVer)) {
          other = new _SemVer(other, this.options);
        }
        if (this.major < other.major) {
          return -1;
        }
        if (this.major > other.major) {
          return 1;
        }
        if (this.minor < other.minor) {
          return -1;
        }
        if (this.minor > other.minor) {
          return 1;
        }
        if (this.patch < other.patch) {
          return -1;
        }
        if (this.patch > other.patch) {
          return 1;
        }
        return 0;
      }
      comparePre(other) {
        if (!(other instanceof _SemVer)) {
          other = new _SemVer(other, this.options);
        }
        if (this.prerelease.length && !other.prerelease.length) {
          return -1;
        } else if (!this.prerelease.length && other.prerelease.length) {
          return 1;
        } else if (!this.prerelease.length && !other.prerelease.length) {
          return 0;
        }
        let i = 0;
        do {
          const a = this.prerelease[i];
          const b = other.prerelease[i];
          debug("prerelease compare", i, a, b);
          if (a === void 0 && b === void 0) {
            return 0;
          } else if (b === void 0) {
            return 1;
          } else if (a === void 0) {
            return -1;
          } else if (a === b) {
            continue;
          } else {
            return compareIdentifiers(a, b);
          }
        } while (++i);
      }
      compareBuild(other) {
        if (!(other instanceof _SemVer)) {
          other = new _SemVer(other, this.options);
        }
        let i = 0;
        do {
          const a = this.build[i];
          const b = other.build[i];
          debug("build compare", i, a, b);
          if (a === void 0 && b === void 0) {
            return 0;
          } else if (b === void 0) {
            return 1;
          } else if (a === void 0) {
            return -1;
          } else if (a === b) {
            continue;
          } else {
            return compareIdentifiers(a, b);
          }
        } while (++i);
      }
      // preminor will bump the version up to the next minor release, and immediately
      // down to pre-release. premajor and prepatch work the same way.
      inc(release, identifier, identifierBase) {
        if (release.startsWith("pre")) {
          if (!identifier && identifierBase === false) {
            throw new Error("invalid increment argument: identifier is empty");
          }
          if (identifier) {
            const match = `-${identifier}`.match(this.options.loose ? re[t.PRERELEASELOOSE] : re[t.PRERELEASE]);
            if (!match || match[1] !== identifier) {
              throw new Error(`invalid identifier: ${identifier}`);
            }
          }
        }
        switch (release) {
          case "premajor":
            this.prerelease.length = 0;
            this.patch = 0;
            this.minor = 0;
            this.major++;
            this.inc("pre", identifier, identifierBase);
            break;
          case "preminor":
            this.prerelease.length = 0;
            this.patch = 0;
            this.minor++;
            this.inc("pre", identifier, identifierBase);
            break;
          case "prepatch":
            this.prerelease.length = 0;
            this.inc("patch", identifier, identifierBase);
            this.inc("pre", identifier, identifierBase);
            break;
          // If the input is a non-prerelease version, this acts the same as
          // prepatch.
          case "prerelease":
            if (this.prerelease.length === 0) {
              this.inc("patch", identifier, identifierBase);
            }
            this.inc("pre", identifier, identifierBase);
            break;
          case "release":
            if (this.prerelease.length === 0) {
              throw new Error(`version ${this.raw} is not a prerelease`);
            }
            this.prerelease.length = 0;
            break;
          case "major":
            if (this.minor !== 0 || this.patch !== 0 || this.prerelease.length === 0) {
              this.major++;
            }
            this.minor = 0;
            this.patch = 0;
            this.prerelease = [];
            break;
          case "minor":
            if (this.patch !== 0 || this.prerelease.length === 0) {
              this.minor++;
            }
            this.patch = 0;
            this.prerelease = [];
            break;
          case "patch":
            if (this.prerelease.length === 0) {
              this.patch++;
            }
            this.prerelease = [];
            break;
          // This probably shouldn't be used publicly.
          // 1.0.0 'pre' would become 1.0.0-0 which is the wrong direction.
          case "pre": {
            const base = Number(identifierBase) ? 1 : 0;
            if (this.prerelease.length === 0) {
              this.prerelease = [base];
            } else {
              let i = this.prerelease.length;
              while (--i >= 0) {
                if (typeof this.prerelease[i] === "number") {
                  this.prerelease[i]++;
                  i = -2;
                }
              }
              if (i === -1) {
                if (identifier === this.prerelease.join(".") && identifierBase === false) {
                  throw new Error("invalid increment argument: identifier already exists");
                }
                this.prerelease.push(base);
              }
            }
            if (identifier) {
              let prerelease = [identifier, base];
              if (identifierBase === false) {
                prerelease = [identifier];
              }
              if (isPrereleaseIdentifier(this.prerelease, identifier)) {
                const prereleaseBase = this.prerelease[identifier.split(".").length];
                if (isNaN(prereleaseBase)) {
                  this.prerelease = prerelease;
                }
              } else {
                this.prerelease = prerelease;
              }
            }
            break;
          }
          default:
            throw new Error(`invalid increment argument: ${release}`);
        }
        this.raw = this.format();
        if (this.build.length) {
          this.raw += `+${this.build.join(".")}`;
        }
        return this;
      }
    };
    module.exports = SemVer;
  }
});

// node_modules/semver/functions/parse.js
var require_parse = __commonJS({
  "node_modules/semver/functions/parse.js"(exports, module) {
    "use strict";
    var SemVer = require_semver();
    var parse2 = (version, options2, throwErrors = false) => {
      if (version instanceof SemVer) {
        return version;
      }
      try {
        return new SemVer(version, options2);
      } catch (er) {
        if (!throwErrors) {
          return null;
        }
        throw er;
      }
    };
    module.exports = parse2;
  }
});

// node_modules/semver/functions/valid.js
var require_valid = __commonJS({
  "node_modules/semver/functions/valid.js"(exports, module) {
    "use strict";
    var parse2 = require_parse();
    var valid = (version, options2) => {
      const v = parse2(version, options2);
      return v ? v.version : null;
    };
    module.exports = valid;
  }
});

// node_modules/semver/functions/clean.js
var require_clean = __commonJS({
  "node_modules/semver/functions/clean.js"(exports, module) {
    "use strict";
    var parse2 = require_parse();
    var clean = (version, options2) => {
      const s = parse2(version.trim().replace(/^[=v]+/, ""), options2);
      return s ? s.version : null;
    };
    module.exports = clean;
  }
});

// node_modules/semver/functions/inc.js
var require_inc = __commonJS({
  "node_modules/semver/functions/inc.js"(exports, module) {
    "use strict";
    var SemVer = require_semver();
    var inc = (version, release, options2, identifier, identifierBase) => {
      if (typeof options2 === "string") {
        identifierBase = identifier;
        identifier = options2;
        options2 = void 0;
      }
      try {
        return new SemVer(
          version instanceof SemVer ? version.version : version,
          options2
        ).inc(release, identifier, identifierBase).version;
      } catch (er) {
        return null;
      }
    };
    module.exports = inc;
  }
});

// node_modules/semver/functions/diff.js
var require_diff = __commonJS({
  "node_modules/semver/functions/diff.js"(exports, module) {
    "use strict";
    var parse2 = require_parse();
    var diff = (version1, version2) => {
      const v1 = parse2(version1, null, true);
      const v2 = parse2(version2, null, true);
      const comparison = v1.compare(v2);
      if (comparison === 0) {
        return null;
      }
      const v1Higher = comparison > 0;
      const highVersion = v1Higher ? v1 : v2;
      const lowVersion = v1Higher ? v2 : v1;
      const highHasPre = !!highVersion.prerelease.length;
      const lowHasPre = !!lowVersion.prerelease.length;
      if (lowHasPre && !highHasPre) {
        if (!lowVersion.patch && !lowVersion.minor) {
          return "major";
        }
        if (lowVersion.compareMain(highVersion) === 0) {
          if (lowVersion.minor && !lowVersion.patch) {
            return "minor";
          }
          return "patch";
        }
      }
      const prefix = highHasPre ? "pre" : "";
      if (v1.major !== v2.major) {
        return prefix + "major";
      }
      if (v1.minor !== v2.minor) {
        return prefix + "minor";
      }
      if (v1.patch !== v2.patch) {
        return prefix + "patch";
      }
      return "prerelease";
    };
    module.exports = diff;
  }
});

// node_modules/semver/functions/major.js
var require_major = __commonJS({
  "node_modules/semver/functions/major.js"(exports, module) {
    "use strict";
    var SemVer = require_semver();
    var major = (a, loose) => new SemVer(a, loose).major;
    module.exports = major;
  }
});

// node_modules/semver/functions/minor.js
var require_minor = __commonJS({
  "node_modules/semver/functions/minor.js"(exports, module) {
    "use strict";
    var SemVer = require_semver();
    var minor = (a, loose) => new SemVer(a, loose).minor;
    module.exports = minor;
  }
});

// node_modules/semver/functions/patch.js
var require_patch = __commonJS({
  "node_modules/semver/functions/patch.js"(exports, module) {
    "use strict";
    var SemVer = require_semver();
    var patch = (a, loose) => new SemVer(a, loose).patch;
    module.exports = patch;
  }
});

// node_modules/semver/functions/prerelease.js
var require_prerelease = __commonJS({
  "node_modules/semver/functions/prerelease.js"(exports, module) {
    "use strict";
    var parse2 = require_parse();
    var prerelease = (version, options2) => {
      const parsed = parse2(version, options2);
      return parsed && parsed.prerelease.length ? parsed.prerelease : null;
    };
    module.exports = prerelease;
  }
});

// node_modules/semver/functions/compare.js
var require_compare = __commonJS({
  "node_modules/semver/functions/compare.js"(exports, module) {
    "use strict";
    var SemVer = require_semver();
    var compare2 = (a, b, loose) => new SemVer(a, loose).compare(new SemVer(b, loose));
    module.exports = compare2;
  }
});

// node_modules/semver/functions/rcompare.js
var require_rcompare = __commonJS({
  "node_modules/semver/functions/rcompare.js"(exports, module) {
    "use strict";
    var compare2 = require_compare();
    var rcompare = (a, b, loose) => compare2(b, a, loose);
    module.exports = rcompare;
  }
});

// node_modules/semver/functions/compare-loose.js
var require_compare_loose = __commonJS({
  "node_modules/semver/functions/compare-loose.js"(exports, module) {
    "use strict";
    var compare2 = require_compare();
    var compareLoose = (a, b) => compare2(a, b, true);
    module.exports = compareLoose;
  }
});

// node_modules/semver/functions/compare-build.js
var require_compare_build = __commonJS({
  "node_modules/semver/functions/compare-build.js"(exports, module) {
    "use strict";
    var SemVer = require_semver();
    var compareBuild = (a, b, loose) => {
      const versionA = new SemVer(a, loose);
      const versionB = new SemVer(b, loose);
      return versionA.compare(versionB) || versionA.compareBuild(versionB);
    };
    module.exports = compareBuild;
  }
});

// node_modules/semver/functions/sort.js
var require_sort = __commonJS({
  "node_modules/semver/functions/sort.js"(exports, module) {
    "use strict";
    var compareBuild = require_compare_build();
    var sort = (list, loose) => list.sort((a, b) => compareBuild(a, b, loose));
    module.exports = sort;
  }
});

// node_modules/semver/functions/rsort.js
var require_rsort = __commonJS({
  "node_modules/semver/functions/rsort.js"(exports, module) {
    "use strict";
    var compareBuild = require_compare_build();
    var rsort = (list, loose) => list.sort((a, b) => compareBuild(b, a, loose));
    module.exports = rsort;
  }
});

// node_modules/semver/functions/gt.js
var require_gt = __commonJS({
  "node_modules/semver/functions/gt.js"(exports, module) {
    "use strict";
    var compare2 = require_compare();
    var gt = (a, b, loose) => compare2(a, b, loose) > 0;
    module.exports = gt;
  }
});

// node_modules/semver/functions/lt.js
var require_lt = __commonJS({
  "node_modules/semver/functions/lt.js"(exports, module) {
    "use strict";
    var compare2 = require_compare();
    var lt = (a, b, loose) => compare2(a, b, loose) < 0;
    module.exports = lt;
  }
});

// node_modules/semver/functions/eq.js
var require_eq = __commonJS({
  "node_modules/semver/functions/eq.js"(exports, module) {
    "use strict";
    var compare2 = require_compare();
    var eq = (a, b, loose) => compare2(a, b, loose) === 0;
    module.exports = eq;
  }
});

// node_modules/semver/functions/neq.js
var require_neq = __commonJS({
  "node_modules/semver/functions/neq.js"(exports, module) {
    "use strict";
    var compare2 = require_compare();
    var neq = (a, b, loose) => compare2(a, b, loose) !== 0;
    module.exports = neq;
  }
});

// node_modules/semver/functions/gte.js
var require_gte = __commonJS({
  "node_modules/semver/functions/gte.js"(exports, module) {
    "use strict";
    var compare2 = require_compare();
    var gte = (a, b, loose) => compare2(a, b, loose) >= 0;
    module.exports = gte;
  }
});

// node_modules/semver/functions/lte.js
var require_lte = __commonJS({
  "node_modules/semver/functions/lte.js"(exports, module) {
    "use strict";
    var compare2 = require_compare();
    var lte = (a, b, loose) => compare2(a, b, loose) <= 0;
    module.exports = lte;
  }
});

// node_modules/semver/functions/cmp.js
var require_cmp = __commonJS({
  "node_modules/semver/functions/cmp.js"(exports, module) {
    "use strict";
    var eq = require_eq();
    var neq = require_neq();
    var gt = require_gt();
    var gte = require_gte();
    var lt = require_lt();
    var lte = require_lte();
    var cmp2 = (a, op, b, loose) => {
      switch (op) {
        case "===":
          if (typeof a === "object") {
            a = a.version;
          }
          if (typeof b === "object") {
            b = b.version;
          }
          return a === b;
        case "!==":
          if (typeof a === "object") {
            a = a.version;
          }
          if (typeof b === "object") {
            b = b.version;
          }
          return a !== b;
        case "":
        case "=":
        case "==":
          return eq(a, b, loose);
        case "!=":
          return neq(a, b, loose);
        case ">":
          return gt(a, b, loose);
        case ">=":
          return gte(a, b, loose);
        case "<":
          return lt(a, b, loose);
        case "<=":
          return lte(a, b, loose);
        default:
          throw new TypeError(`Invalid operator: ${op}`);
      }
    };
    module.exports = cmp2;
  }
});

// node_modules/semver/functions/coerce.js
var require_coerce = __commonJS({
  "node_modules/semver/functions/coerce.js"(exports, module) {
    "use strict";
    var SemVer = require_semver();
    var parse2 = require_parse();
    var { safeRe: re, t } = require_re();
    var coerce = (version, options2) => {
      if (version instanceof SemVer) {
        return version;
      }
      if (typeof version === "number") {
        version = String(version);
      }
      if (typeof version !== "string") {
        return null;
      }
      options2 = options2 || {};
      let match = null;
      if (!options2.rtl) {
        match = version.match(options2.includePrerelease ? re[t.COERCEFULL] : re[t.COERCE]);
      } else {
        const coerceRtlRegex = options2.includePrerelease ? re[t.COERCERTLFULL] : re[t.COERCERTL];
        let next;
        while ((next = coerceRtlRegex.exec(version)) && (!match || match.index + match[0].length !== version.length)) {
          if (!match || next.index + next[0].length !== match.index + match[0].length) {
            match = next;
          }
          coerceRtlRegex.lastIndex = next.index + next[1].length + next[2].length;
        }
        coerceRtlRegex.lastIndex = -1;
      }
      if (match === null) {
        return null;
      }
      const major = match[2];
      const minor = match[3] || "0";
      const patch = match[4] || "0";
      const prerelease = options2.includePrerelease && match[5] ? `-${match[5]}` : "";
      const build2 = options2.includePrerelease && match[6] ? `+${match[6]}` : "";
      return parse2(`${major}.${minor}.${patch}${prerelease}${build2}`, options2);
    };
    module.exports = coerce;
  }
});

// node_modules/semver/functions/truncate.js
var require_truncate = __commonJS({
  "node_modules/semver/functions/truncate.js"(exports, module) {
    "use strict";
    var parse2 = require_parse();
    var constants = require_constants();
    var SemVer = require_semver();
    var truncate = (version, truncation, options2) => {
      if (!constants.RELEASE_TYPES.includes(truncation)) {
        return null;
      }
      const clonedVersion = cloneInputVersion(version, options2);
      return clonedVersion && doTruncation(clonedVersion, truncation);
    };
    var cloneInputVersion = (version, options2) => {
      const versionStringToParse = version instanceof SemVer ? version.version : version;
      return parse2(versionStringToParse, options2);
    };
    var doTruncation = (version, truncation) => {
      if (isPrerelease(truncation)) {
        return version.version;
      }
      version.prerelease = [];
      switch (truncation) {
        case "major":
          version.minor = 0;
          version.patch = 0;
          break;
        case "minor":
          version.patch = 0;
          break;
      }
      return version.format();
    };
    var isPrerelease = (type) => {
      return type.startsWith("pre");
    };
    module.exports = truncate;
  }
});

// node_modules/semver/internal/lrucache.js
var require_lrucache = __commonJS({
  "node_modules/semver/internal/lrucache.js"(exports, module) {
    "use strict";
    var LRUCache = class {
      constructor() {
        this.max = 1e3;
        this.map = /* @__PURE__ */ new Map();
      }
      get(key) {
        const value = this.map.get(key);
        if (value === void 0) {
          return void 0;
        } else {
          this.map.delete(key);
          this.map.set(key, value);
          return value;
        }
      }
      delete(key) {
        return this.map.delete(key);
      }
      set(key, value) {
        const deleted = this.delete(key);
        if (!deleted && value !== void 0) {
          if (this.map.size >= this.max) {
            const firstKey = this.map.keys().next().value;
            this.delete(firstKey);
          }
          this.map.set(key, value);
        }
        return this;
      }
    };
    module.exports = LRUCache;
  }
});

// node_modules/semver/internal/trim-comparator-whitespace.js
var require_trim_comparator_whitespace = __commonJS({
  "node_modules/semver/internal/trim-comparator-whitespace.js"(exports, module) {
    "use strict";
    var {
      MAX_LENGTH,
      MAX_SAFE_BUILD_LENGTH,
      WHITESPACE_CHARACTERS
    } = require_constants();
    var whitespace = new Uint8Array(65536);
    for (const char of WHITESPACE_CHARACTERS) {
      whitespace[char.charCodeAt(0)] = 1;
    }
    var isWhitespace = (char) => char !== void 0 && whitespace[char.charCodeAt(0)] === 1;
    var isVersionPrefix = (char) => char === "v" || char === "=" || isWhitespace(char);
    var isDigit = (char) => char !== void 0 && char >= "0" && char <= "9";
    var isLetter = (char) => char !== void 0 && (char >= "a" && char <= "z" || char >= "A" && char <= "Z");
    var isIdentifierCharacter = (char) => isDigit(char) || isLetter(char) || char === "-";
    var isVersionStart = (char) => isDigit(char) || char === "x" || char === "X" || char === "*";
    var findDigitsEndIndex = (range, start, limit, digitRuns) => {
      if (!isDigit(range[start])) {
        return start;
      }
      if (start >= digitRuns.start && start < digitRuns.end) {
        return Math.min(start + limit, digitRuns.end);
      }
      if (start >= digitRuns.previousStart && start < digitRuns.previousEnd) {
        return Math.min(start + limit, digitRuns.previousEnd);
      }
      let end = start + 1;
      while (isDigit(range[end])) {
        end++;
      }
      digitRuns.previousStart = digitRuns.start;
      digitRuns.previousEnd = digitRuns.end;
      digitRuns.start = start;
      digitRuns.end = end;
      return Math.min(start + limit, end);
    };
    var findVersionNumberEndIndex = (range, start, loose, digitRuns) => {
      if (!loose && range[start] === "0") {
        return start + 1;
      }
      return findDigitsEndIndex(range, start, loose ? MAX_LENGTH : MAX_LENGTH + 1, digitRuns);
    };
    var findPrereleaseIdentifierEndIndex = (range, start, loose, digitRuns) => {
      const digitsEnd = findDigitsEndIndex(range, start, MAX_LENGTH, digitRuns);
      if (isLetter(range[digitsEnd]) || range[digitsEnd] === "-") {
        let end = digitsEnd + 1;
        const limit = end + MAX_SAFE_BUILD_LENGTH;
        while (end < limit && isIdentifierCharacter(range[end])) {
          end++;
        }
        return end;
      }
      return findVersionNumberEndIndex(range, start, loose, digitRuns);
    };
    var findPrereleaseEndIndex = (range, start, loose, digitRuns) => {
      const hyphen = range[start] === "-";
      if (!loose && !hyphen) {
        return start;
      }
      const identifierStart = start + (hyphen ? 1 : 0);
      let end = findPrereleaseIdentifierEndIndex(range, identifierStart, loose, digitRuns);
      if (end === identifierStart) {
        if (!loose || !hyphen) {
          return start;
        }
        end = findPrereleaseIdentifierEndIndex(range, start, loose, digitRuns);
      }
      while (range[end] === ".") {
        const next = findPrereleaseIdentifierEndIndex(range, end + 1, loose, digitRuns);
        if (next === end + 1) {
          break;
        }
        end = next;
      }
      return end;
    };
    var findBuildIdentifierEndIndex = (range, start) => {
      let end = start;
      while (end - start < MAX_SAFE_BUILD_LENGTH && isIdentifierCharacter(range[end])) {
        end++;
      }
      return end;
    };
    var findBuildEndIndex = (range, start) => {
      if (range[start] !== "+") {
        return start;
      }
      let end = findBuildIdentifierEndIndex(range, start + 1);
      if (end === start + 1) {
        return start;
      }
      while (range[end] === ".") {
        const next = findBuildIdentifierEndIndex(range, end + 1);
        if (next === end + 1) {
          break;
        }
        end = next;
      }
      return end;
    };
    var findLooseFullVersionEndIndex = (range, start, digitRuns) => {
      let end = start;
      for (let component = 0; component < 3; component++) {
        const next = findVersionNumberEndIndex(range, end, true, digitRuns);
        if (next === end) {
          return start;
        }
        end = next;
        if (component < 2) {
          if (range[end] !== ".") {
            return start;
          }
          end++;
        }
      }
      const prereleaseEnd = findPrereleaseEndIndex(range, end, true, digitRuns);
      return findBuildEndIndex(range, prereleaseEnd);
    };
    var findPartialVersionComponentEndIndex = (range, start, digitRuns) => {
      if (isDigit(range[start])) {
        return findVersionNumberEndIndex(range, start, false, digitRuns);
      }
      return isVersionStart(range[start]) ? start + 1 : start;
    };
    var findPartialVersionEndIndex = (range, start, digitRuns) => {
      let end = findPartialVersionComponentEndIndex(range, start, digitRuns);
      for (let component = 0; component < 2; component++) {
        if (range[end] !== ".") {
          return end;
        }
        const next = findPartialVersionComponentEndIndex(range, end + 1, digitRuns);
        if (next === end + 1) {
          return end;
        }
        end = next;
      }
      const prereleaseEnd = findPrereleaseEndIndex(range, end, false, digitRuns);
      return findBuildEndIndex(range, prereleaseEnd);
    };
    var findVersionEndIndex = (range, start, digitRuns) => {
      const fullVersionEnd = findLooseFullVersionEndIndex(range, start, digitRuns);
      return fullVersionEnd !== start ? fullVersionEnd : findPartialVersionEndIndex(range, start, digitRuns);
    };
    var findRemovableWhitespaceIndex = (range, matchStart) => {
      let position = matchStart;
      if (isWhitespace(range[position])) {
        position++;
      }
      if (range[position] === "<" || range[position] === ">") {
        position++;
      }
      if (range[position] === "=") {
        position++;
      }
      return isWhitespace(range[position]) ? position : -1;
    };
    var trimComparatorWhitespace = (range) => {
      let result = "";
      let copyFrom = 0;
      let cursor = 0;
      const digitRuns = { start: -1, end: -1, previousStart: -1, previousEnd: -1 };
      while (cursor < range.length) {
        const matchStart = cursor;
        if (range[cursor] === "<" || range[cursor] === ">") {
          cursor++;
        } else if (!isVersionPrefix(range[cursor]) && !isVersionStart(range[cursor])) {
          cursor++;
          continue;
        }
        while (cursor < range.length && isVersionPrefix(range[cursor])) {
          cursor++;
        }
        if (!isVersionStart(range[cursor])) {
          continue;
        }
        const whitespacePosition = findRemovableWhitespaceIndex(range, matchStart);
        if (whitespacePosition !== -1) {
          result += range.slice(copyFrom, whitespacePosition);
          copyFrom = whitespacePosition + 1;
        }
        cursor = findVersionEndIndex(range, cursor, digitRuns);
      }
      return result + range.slice(copyFrom);
    };
    module.exports = trimComparatorWhitespace;
  }
});

// node_modules/semver/classes/range.js
var require_range = __commonJS({
  "node_modules/semver/classes/range.js"(exports, module) {
    "use strict";
    var SPACE_CHARACTERS = /\s+/g;
    var Range = class _Range {
      constructor(range, options2) {
        options2 = parseOptions(options2);
        if (range instanceof _Range) {
          if (range.loose === !!options2.loose && range.includePrerelease === !!options2.includePrerelease) {
            return range;
          } else {
            return new _Range(range.raw, options2);
          }
        }
        if (range instanceof Comparator) {
          this.raw = range.value;
          this.set = [[range]];
          this.formatted = void 0;
          return this;
        }
        this.options = options2;
        this.loose = !!options2.loose;
        this.includePrerelease = !!options2.includePrerelease;
        this.raw = range.trim().replace(SPACE_CHARACTERS, " ");
        this.set = this.raw.split("||").map((r) => this.parseRange(r.trim())).filter((c) => c.length);
        if (!this.set.length) {
          throw new TypeError(`Invalid SemVer Range: ${this.raw}`);
        }
        if (this.set.length > 1) {
          const first = this.set[0];
          this.set = this.set.filter((c) => !isNullSet(c[0]));
          if (this.set.length === 0) {
            this.set = [first];
          } else if (this.set.length > 1) {
            for (const c of this.set) {
              if (c.length === 1 && isAny(c[0])) {
                this.set = [c];
                break;
              }
            }
          }
        }
        this.formatted = void 0;
      }
      get range() {
        if (this.formatted === void 0) {
          this.formatted = "";
          for (let i = 0; i < this.set.length; i++) {
            if (i > 0) {
              this.formatted += "||";
            }
            const comps = this.set[i];
            for (let k = 0; k < comps.length; k++) {
              if (k > 0) {
                this.formatted += " ";
              }
              this.formatted += comps[k].toString().trim();
            }
          }
        }
        return this.formatted;
      }
      format() {
        return this.range;
      }
      toString() {
        return this.range;
      }
      parseRange(range) {
        range = range.replace(BUILDSTRIPRE, "");
        const memoOpts = (this.options.includePrerelease && FLAG_INCLUDE_PRERELEASE) | (this.options.loose && FLAG_LOOSE);
        const memoKey = memoOpts + ":" + range;
        const cached = cache.get(memoKey);
        if (cached) {
          return cached;
        }
        const loose = this.options.loose;
        const hr = loose ? re[t.HYPHENRANGELOOSE] : re[t.HYPHENRANGE];
        range = range.replace(hr, hyphenReplace(this.options.includePrerelease));
        debug("hyphen replace", range);
        range = trimComparatorWhitespace(range);
        debug("comparator trim", range);
        range = range.replace(re[t.TILDETRIM], tildeTrimReplace);
        debug("tilde trim", range);
        range = range.replace(re[t.CARETTRIM], caretTrimReplace);
        debug("caret trim", range);
        let rangeList = range.split(" ").map((comp) => parseComparator(comp, this.options)).join(" ").split(/\s+/).map((comp) => replaceGTE0(comp, this.options));
        if (loose) {
          rangeList = rangeList.filter((comp) => {
            debug("loose invalid filter", comp, this.options);
            return !!comp.match(re[t.COMPARATORLOOSE]);
          });
        }
        debug("range list", rangeList);
        const rangeMap = /* @__PURE__ */ new Map();
        const comparators = rangeList.map((comp) => new Comparator(comp, this.options));
        for (const comp of comparators) {
          if (isNullSet(comp)) {
            return [comp];
          }
          rangeMap.set(comp.value, comp);
        }
        if (rangeMap.size > 1 && rangeMap.has("")) {
          rangeMap.delete("");
        }
        const result = [...rangeMap.values()];
        cache.set(memoKey, result);
        return result;
      }
      intersects(range, options2) {
        if (!(range instanceof _Range)) {
          throw new TypeError("a Range is required");
        }
        return this.set.some((thisComparators) => {
          return isSatisfiable(thisComparators, options2) && range.set.some((rangeComparators) => {
            return isSatisfiable(rangeComparators, options2) && thisComparators.every((thisComparator) => {
              return rangeComparators.every((rangeComparator) => {
                return thisComparator.intersects(rangeComparator, options2);
              });
            });
          });
        });
      }
      // if ANY of the sets match ALL of its comparators, then pass
      test(version) {
        if (!version) {
          return false;
        }
        if (typeof version === "string") {
          try {
            version = new SemVer(version, this.options);
          } catch (er) {
            return false;
          }
        }
        for (let i = 0; i < this.set.length; i++) {
          if (testSet(this.set[i], version, this.options)) {
            return true;
          }
        }
        return false;
      }
    };
    module.exports = Range;
    var LRU = require_lrucache();
    var cache = new LRU();
    var parseOptions = require_parse_options();
    var Comparator = require_comparator();
    var debug = require_debug();
    var SemVer = require_semver();
    var trimComparatorWhitespace = require_trim_comparator_whitespace();
    var {
      safeRe: re,
      src,
      t,
      tildeTrimReplace,
      caretTrimReplace
    } = require_re();
    var { FLAG_INCLUDE_PRERELEASE, FLAG_LOOSE } = require_constants();
    var BUILDSTRIPRE = new RegExp(src[t.BUILD], "g");
    var isNullSet = (c) => c.value === "<0.0.0-0";
    var isAny = (c) => c.value === "";
    var isSatisfiable = (comparators, options2) => {
      let result = true;
      const remainingComparators = comparators.slice();
      let testComparator = remainingComparators.pop();
      while (result && remainingComparators.length) {
        result = remainingComparators.every((otherComparator) => {
          return testComparator.intersects(otherComparator, options2);
        });
        testComparator = remainingComparators.pop();
      }
      return result;
    };
    var parseComparator = (comp, options2) => {
      comp = comp.replace(re[t.BUILD], "");
      debug("comp", comp, options2);
      comp = replaceCarets(comp, options2);
      debug("caret", comp);
      comp = replaceTildes(comp, options2);
      debug("tildes", comp);
      comp = replaceXRanges(comp, options2);
      debug("xrange", comp);
      comp = replaceStars(comp, options2);
      debug("stars", comp);
      return comp;
    };
    var isX = (id) => !id || id.toLowerCase() === "x" || id === "*";
    var invalidXRangeOrder = (M, m, p) => isX(M) && !isX(m) || isX(m) && p && !isX(p);
    var replaceTildes = (comp, options2) => {
      return comp.trim().split(/\s+/).map((c) => replaceTilde(c, options2)).join(" ");
    };
    var replaceTilde = (comp, options2) => {
      const r = options2.loose ? re[t.TILDELOOSE] : re[t.TILDE];
      const z = options2.includePrerelease ? "-0" : "";
      return comp.replace(r, (_, M, m, p, pr) => {
        debug("tilde", comp, _, M, m, p, pr);
        let ret;
        if (isX(M)) {
          ret = "";
        } else if (isX(m)) {
          ret = `>=${M}.0.0${z} <${+M + 1}.0.0-0`;
        } else if (isX(p)) {
          ret = `>=${M}.${m}.0${z} <${M}.${+m + 1}.0-0`;
        } else if (pr) {
          debug("replaceTilde pr", pr);
          ret = `>=${M}.${m}.${p}-${pr} <${M}.${+m + 1}.0-0`;
        } else {
          ret = `>=${M}.${m}.${p} <${M}.${+m + 1}.0-0`;
        }
        debug("tilde return", ret);
        return ret;
      });
    };
    var replaceCarets = (comp, options2) => {
      return comp.trim().split(/\s+/).map((c) => replaceCaret(c, options2)).join(" ");
    };
    var replaceCaret = (comp, options2) => {
      debug("caret", comp, options2);
      const r = options2.loose ? re[t.CARETLOOSE] : re[t.CARET];
      const z = options2.includePrerelease ? "-0" : "";
      return comp.replace(r, (_, M, m, p, pr) => {
        debug("caret", comp, _, M, m, p, pr);
        let ret;
        if (isX(M)) {
          ret = "";
        } else if (isX(m)) {
          ret = `>=${M}.0.0${z} <${+M + 1}.0.0-0`;
        } else if (isX(p)) {
          if (M === "0") {
            ret = `>=${M}.${m}.0${z} <${M}.${+m + 1}.0-0`;
          } else {
            ret = `>=${M}.${m}.0${z} <${+M + 1}.0.0-0`;
          }
        } else if (pr) {
          debug("replaceCaret pr", pr);
          if (M === "0") {
            if (m === "0") {
              ret = `>=${M}.${m}.${p}-${pr} <${M}.${m}.${+p + 1}-0`;
            } else {
              ret = `>=${M}.${m}.${p}-${pr} <${M}.${+m + 1}.0-0`;
            }
          } else {
            ret = `>=${M}.${m}.${p}-${pr} <${+M + 1}.0.0-0`;
          }
        } else {
          debug("no pr");
          if (M === "0") {
            if (m === "0") {
              ret = `>=${M}.${m}.${p} <${M}.${m}.${+p + 1}-0`;
            } else {
              ret = `>=${M}.${m}.${p} <${M}.${+m + 1}.0-0`;
            }
          } else {
            ret = `>=${M}.${m}.${p} <${+M + 1}.0.0-0`;
          }
        }
        debug("caret return", ret);
        return ret;
      });
    };
    var replaceXRanges = (comp, options2) => {
      debug("replaceXRanges", comp, options2);
      return comp.split(/\s+/).map((c) => replaceXRange(c, options2)).join(" ");
    };
    var replaceXRange = (comp, options2) => {
      comp = comp.trim();
      const r = options2.loose ? re[t.XRANGELOOSE] : re[t.XRANGE];
      return comp.replace(r, (ret, gtlt, M, m, p, pr) => {
        debug("xRange", comp, ret, gtlt, M, m, p, pr);
        if (invalidXRangeOrder(M, m, p)) {
          return comp;
        }
        const xM = isX(M);
        const xm = xM || isX(m);
        const xp = xm || isX(p);
        const anyX = xp;
        if (gtlt === "=" && anyX) {
          gtlt = "";
        }
        pr = options2.includePrerelease ? "-0" : "";
        if (xM) {
          if (gtlt === ">" || gtlt === "<") {
            ret = "<0.0.0-0";
          } else {
            ret = "*";
          }
        } else if (gtlt && anyX) {
          if (xm) {
            m = 0;
          }
          p = 0;
          if (gtlt === ">") {
            gtlt = ">=";
            if (xm) {
              M = +M + 1;
              m = 0;
              p = 0;
            } else {
              m = +m + 1;
              p = 0;
            }
          } else if (gtlt === "<=") {
            gtlt = "<";
            if (xm) {
              M = +M + 1;
            } else {
              m = +m + 1;
            }
          }
          if (gtlt === "<") {
            pr = "-0";
          }
          ret = `${gtlt + M}.${m}.${p}${pr}`;
        } else if (xm) {
          ret = `>=${M}.0.0${pr} <${+M + 1}.0.0-0`;
        } else if (xp) {
          ret = `>=${M}.${m}.0${pr} <${M}.${+m + 1}.0-0`;
        }
        debug("xRange return", ret);
        return ret;
      });
    };
    var replaceStars = (comp, options2) => {
      debug("replaceStars", comp, options2);
      return comp.trim().replace(re[t.STAR], "");
    };
    var replaceGTE0 = (comp, options2) => {
      debug("replaceGTE0", comp, options2);
      return comp.trim().replace(re[options2.includePrerelease ? t.GTE0PRE : t.GTE0], "");
    };
    var hyphenReplace = (incPr) => ($0, from, fM, fm, fp, fpr, fb, to, tM, tm, tp, tpr) => {
      if (isX(fM)) {
        from = "";
      } else if (isX(fm)) {
        from = `>=${fM}.0.0${incPr ? "-0" : ""}`;
      } else if (isX(fp)) {
        from = `>=${fM}.${fm}.0${incPr ? "-0" : ""}`;
      } else if (fpr) {
        from = `>=${from}`;
      } else {
        from = `>=${from}${incPr ? "-0" : ""}`;
      }
      if (isX(tM)) {
        to = "";
      } else if (isX(tm)) {
        to = `<${+tM + 1}.0.0-0`;
      } else if (isX(tp)) {
        to = `<${tM}.${+tm + 1}.0-0`;
      } else if (tpr) {
        to = `<=${tM}.${tm}.${tp}-${tpr}`;
      } else if (incPr) {
        to = `<${tM}.${tm}.${+tp + 1}-0`;
      } else {
        to = `<=${to}`;
      }
      return `${from} ${to}`.trim();
    };
    var testSet = (set, version, options2) => {
      for (let i = 0; i < set.length; i++) {
        if (!set[i].test(version)) {
          return false;
        }
      }
      if (version.prerelease.length && !options2.includePrerelease) {
        for (let i = 0; i < set.length; i++) {
          debug(set[i].semver);
          if (set[i].semver === Comparator.ANY) {
            continue;
          }
          if (set[i].semver.prerelease.length > 0) {
            const allowed = set[i].semver;
            if (allowed.major === version.major && allowed.minor === version.minor && allowed.patch === version.patch) {
              return true;
            }
          }
        }
        return false;
      }
      return true;
    };
  }
});

// node_modules/semver/classes/comparator.js
var require_comparator = __commonJS({
  "node_modules/semver/classes/comparator.js"(exports, module) {
    "use strict";
    var ANY = /* @__PURE__ */ Symbol("SemVer ANY");
    var Comparator = class _Comparator {
      static get ANY() {
        return ANY;
      }
      constructor(comp, options2) {
        options2 = parseOptions(options2);
        if (comp instanceof _Comparator) {
          if (comp.loose === !!options2.loose) {
            return comp;
          } else {
            comp = comp.value;
          }
        }
        comp = comp.trim().split(/\s+/).join(" ");
        debug("comparator", comp, options2);
        this.options = options2;
        this.loose = !!options2.loose;
        this.parse(comp);
        if (this.semver === ANY) {
          this.value = "";
        } else {
          this.value = this.operator + this.semver.version;
        }
        debug("comp", this);
      }
      parse(comp) {
        const r = this.options.loose ? re[t.COMPARATORLOOSE] : re[t.COMPARATOR];
        const m = comp.match(r);
        if (!m) {
          throw new TypeError(`Invalid comparator: ${comp}`);
        }
        this.operator = m[1] !== void 0 ? m[1] : "";
        if (this.operator === "=") {
          this.operator = "";
        }
        if (!m[2]) {
          this.semver = ANY;
        } else {
          this.semver = new SemVer(m[2], this.options.loose);
        }
      }
      toString() {
        return this.value;
      }
      test(version) {
        debug("Comparator.test", version, this.options.loose);
        if (this.semver === ANY || version === ANY) {
          return true;
        }
        if (typeof version === "string") {
          try {
            version = new SemVer(version, this.options);
          } catch (er) {
            return false;
          }
        }
        return cmp2(version, this.operator, this.semver, this.options);
      }
      intersects(comp, options2) {
        if (!(comp instanceof _Comparator)) {
          throw new TypeError("a Comparator is required");
        }
        if (this.operator === "") {
          if (this.value === "") {
            return true;
          }
          return new Range(comp.value, options2).test(this.value);
        } else if (comp.operator === "") {
          if (comp.value === "") {
            return true;
          }
          return new Range(this.value, options2).test(comp.semver);
        }
        options2 = parseOptions(options2);
        if (options2.includePrerelease && (this.value === "<0.0.0-0" || comp.value === "<0.0.0-0")) {
          return false;
        }
        if (!options2.includePrerelease && (this.value.startsWith("<0.0.0") || comp.value.startsWith("<0.0.0"))) {
          return false;
        }
        if (this.operator.startsWith(">") && comp.operator.startsWith(">")) {
          return true;
        }
        if (this.operator.startsWith("<") && comp.operator.startsWith("<")) {
          return true;
        }
        if (this.semver.version === comp.semver.version && this.operator.includes("=") && comp.operator.includes("=")) {
          return true;
        }
        if (cmp2(this.semver, "<", comp.semver, options2) && this.operator.startsWith(">") && comp.operator.startsWith("<")) {
          return true;
        }
        if (cmp2(this.semver, ">", comp.semver, options2) && this.operator.startsWith("<") && comp.operator.startsWith(">")) {
          return true;
        }
        return false;
      }
    };
    module.exports = Comparator;
    var parseOptions = require_parse_options();
    var { safeRe: re, t } = require_re();
    var cmp2 = require_cmp();
    var debug = require_debug();
    var SemVer = require_semver();
    var Range = require_range();
  }
});

// node_modules/semver/functions/satisfies.js
var require_satisfies = __commonJS({
  "node_modules/semver/functions/satisfies.js"(exports, module) {
    "use strict";
    var Range = require_range();
    var satisfies = (version, range, options2) => {
      try {
        range = new Range(range, options2);
      } catch (er) {
        return false;
      }
      return range.test(version);
    };
    module.exports = satisfies;
  }
});

// node_modules/semver/ranges/to-comparators.js
var require_to_comparators = __commonJS({
  "node_modules/semver/ranges/to-comparators.js"(exports, module) {
    "use strict";
    var Range = require_range();
    var toComparators = (range, options2) => new Range(range, options2).set.map((comp) => comp.map((c) => c.value).join(" ").trim().split(" "));
    module.exports = toComparators;
  }
});

// node_modules/semver/ranges/max-satisfying.js
var require_max_satisfying = __commonJS({
  "node_modules/semver/ranges/max-satisfying.js"(exports, module) {
    "use strict";
    var SemVer = require_semver();
    var Range = require_range();
    var maxSatisfying = (versions, range, options2) => {
      let max = null;
      let maxSV = null;
      let rangeObj = null;
      try {
        rangeObj = new Range(range, options2);
      } catch (er) {
        return null;
      }
      versions.forEach((v) => {
        if (rangeObj.test(v)) {
          if (!max || maxSV.compare(v) === -1) {
            max = v;
            maxSV = new SemVer(max, options2);
          }
        }
      });
      return max;
    };
    module.exports = maxSatisfying;
  }
});

// node_modules/semver/ranges/min-satisfying.js
var require_min_satisfying = __commonJS({
  "node_modules/semver/ranges/min-satisfying.js"(exports, module) {
    "use strict";
    var SemVer = require_semver();
    var Range = require_range();
    var minSatisfying = (versions, range, options2) => {
      let min = null;
      let minSV = null;
      let rangeObj = null;
      try {
        rangeObj = new Range(range, options2);
      } catch (er) {
        return null;
      }
      versions.forEach((v) => {
        if (rangeObj.test(v)) {
          if (!min || minSV.compare(v) === 1) {
            min = v;
            minSV = new SemVer(min, options2);
          }
        }
      });
      return min;
    };
    module.exports = minSatisfying;
  }
});

// node_modules/semver/ranges/min-version.js
var require_min_version = __commonJS({
  "node_modules/semver/ranges/min-version.js"(exports, module) {
    "use strict";
    var SemVer = require_semver();
    var Range = require_range();
    var gt = require_gt();
    var minVersion = (range, loose) => {
      range = new Range(range, loose);
      let minver = new SemVer("0.0.0");
      if (range.test(minver)) {
        return minver;
      }
      minver = new SemVer("0.0.0-0");
      if (range.test(minver)) {
        return minver;
      }
      minver = null;
      for (let i = 0; i < range.set.length; ++i) {
        const comparators = range.set[i];
        let setMin = null;
        comparators.forEach((comparator) => {
          const compver = new SemVer(comparator.semver.version);
          switch (comparator.operator) {
            case ">":
              if (compver.prerelease.length === 0) {
                compver.patch++;
              } else {
                compver.prerelease.push(0);
              }
              compver.raw = compver.format();
            /* fallthrough */
            case "":
            case ">=":
              if (!setMin || gt(compver, setMin)) {
                setMin = compver;
              }
              break;
            case "<":
            case "<=":
              break;
            /* istanbul ignore next */
            default:
              throw new Error(`Unexpected operation: ${comparator.operator}`);
          }
        });
        if (setMin && (!minver || gt(minver, setMin))) {
          minver = setMin;
        }
      }
      if (minver && range.test(minver)) {
        return minver;
      }
      return null;
    };
    module.exports = minVersion;
  }
});

// node_modules/semver/ranges/valid.js
var require_valid2 = __commonJS({
  "node_modules/semver/ranges/valid.js"(exports, module) {
    "use strict";
    var Range = require_range();
    var validRange = (range, options2) => {
      try {
        return new Range(range, options2).range || "*";
      } catch (er) {
        return null;
      }
    };
    module.exports = validRange;
  }
});

// node_modules/semver/ranges/outside.js
var require_outside = __commonJS({
  "node_modules/semver/ranges/outside.js"(exports, module) {
    "use strict";
    var SemVer = require_semver();
    var Comparator = require_comparator();
    var { ANY } = Comparator;
    var Range = require_range();
    var satisfies = require_satisfies();
    var gt = require_gt();
    var lt = require_lt();
    var lte = require_lte();
    var gte = require_gte();
    var outside = (version, range, hilo, options2) => {
      version = new SemVer(version, options2);
      range = new Range(range, options2);
      let gtfn, ltefn, ltfn, comp, ecomp;
      switch (hilo) {
        case ">":
          gtfn = gt;
          ltefn = lte;
          ltfn = lt;
          comp = ">";
          ecomp = ">=";
          break;
        case "<":
          gtfn = lt;
          ltefn = gte;
          ltfn = gt;
          comp = "<";
          ecomp = "<=";
          break;
        default:
          throw new TypeError('Must provide a hilo val of "<" or ">"');
      }
      if (satisfies(version, range, options2)) {
        return false;
      }
      for (let i = 0; i < range.set.length; ++i) {
        const comparators = range.set[i];
        let high = null;
        let low = null;
        comparators.forEach((comparator) => {
          if (comparator.semver === ANY) {
            comparator = new Comparator(">=0.0.0");
          }
          high = high || comparator;
          low = low || comparator;
          if (gtfn(comparator.semver, high.semver, options2)) {
            high = comparator;
          } else if (ltfn(comparator.semver, low.semver, options2)) {
            low = comparator;
          }
        });
        if (high.operator === comp || high.operator === ecomp) {
          return false;
        }
        if ((!low.operator || low.operator === comp) && ltefn(version, low.semver)) {
          return false;
        } else if (low.operator === ecomp && ltfn(version, low.semver)) {
          return false;
        }
      }
      return true;
    };
    module.exports = outside;
  }
});

// node_modules/semver/ranges/gtr.js
var require_gtr = __commonJS({
  "node_modules/semver/ranges/gtr.js"(exports, module) {
    "use strict";
    var outside = require_outside();
    var gtr = (version, range, options2) => outside(version, range, ">", options2);
    module.exports = gtr;
  }
});

// node_modules/semver/ranges/ltr.js
var require_ltr = __commonJS({
  "node_modules/semver/ranges/ltr.js"(exports, module) {
    "use strict";
    var outside = require_outside();
    var ltr = (version, range, options2) => outside(version, range, "<", options2);
    module.exports = ltr;
  }
});

// node_modules/semver/ranges/intersects.js
var require_intersects = __commonJS({
  "node_modules/semver/ranges/intersects.js"(exports, module) {
    "use strict";
    var Range = require_range();
    var intersects = (r1, r2, options2) => {
      r1 = new Range(r1, options2);
      r2 = new Range(r2, options2);
      return r1.intersects(r2, options2);
    };
    module.exports = intersects;
  }
});

// node_modules/semver/ranges/simplify.js
var require_simplify = __commonJS({
  "node_modules/semver/ranges/simplify.js"(exports, module) {
    "use strict";
    var satisfies = require_satisfies();
    var compare2 = require_compare();
    module.exports = (versions, range, options2) => {
      const set = [];
      let first = null;
      let prev = null;
      const v = versions.sort((a, b) => compare2(a, b, options2));
      for (const version of v) {
        const included = satisfies(version, range, options2);
        if (included) {
          prev = version;
          if (!first) {
            first = version;
          }
        } else {
          if (prev) {
            set.push([first, prev]);
          }
          prev = null;
          first = null;
        }
      }
      if (first) {
        set.push([first, null]);
      }
      const ranges = [];
      for (const [min, max] of set) {
        if (min === max) {
          ranges.push(min);
        } else if (!max && min === v[0]) {
          ranges.push("*");
        } else if (!max) {
          ranges.push(`>=${min}`);
        } else if (min === v[0]) {
          ranges.push(`<=${max}`);
        } else {
          ranges.push(`${min} - ${max}`);
        }
      }
      const simplified = ranges.join(" || ");
      const original = typeof range.raw === "string" ? range.raw : String(range);
      return simplified.length < original.length ? simplified : range;
    };
  }
});

// node_modules/semver/ranges/subset.js
var require_subset = __commonJS({
  "node_modules/semver/ranges/subset.js"(exports, module) {
    "use strict";
    var Range = require_range();
    var Comparator = require_comparator();
    var { ANY } = Comparator;
    var satisfies = require_satisfies();
    var compare2 = require_compare();
    var subset = (sub, dom, options2 = {}) => {
      if (sub === dom) {
        return true;
      }
      sub = new Range(sub, options2);
      dom = new Range(dom, options2);
      let sawNonNull = false;
      OUTER: for (const simpleSub of sub.set) {
        for (const simpleDom of dom.set) {
          const isSub = simpleSubset(simpleSub, simpleDom, options2);
          sawNonNull = sawNonNull || isSub !== null;
          if (isSub) {
            continue OUTER;
          }
        }
        if (sawNonNull) {
          return false;
        }
      }
      return true;
    };
    var minimumVersionWithPreRelease = [new Comparator(">=0.0.0-0")];
    var minimumVersion = [new Comparator(">=0.0.0")];
    var simpleSubset = (sub, dom, options2) => {
      if (sub === dom) {
        return true;
      }
      if (sub.length === 1 && sub[0].semver === ANY) {
        if (dom.length === 1 && dom[0].semver === ANY) {
          return true;
        } else if (options2.includePrerelease) {
          sub = minimumVersionWithPreRelease;
        } else {
          sub = minimumVersion;
        }
      }
      if (dom.length === 1 && dom[0].semver === ANY) {
        if (options2.includePrerelease) {
          return true;
        } else {
          dom = minimumVersion;
        }
      }
      const eqSet = /* @__PURE__ */ new Set();
      let gt, lt;
      for (const c of sub) {
        if (c.operator === ">" || c.operator === ">=") {
          gt = higherGT(gt, c, options2);
        } else if (c.operator === "<" || c.operator === "<=") {
          lt = lowerLT(lt, c, options2);
        } else {
          eqSet.add(c.semver);
        }
      }
      if (eqSet.size > 1) {
        return null;
      }
      let gtltComp;
      if (gt && lt) {
        gtltComp = compare2(gt.semver, lt.semver, options2);
        if (gtltComp > 0) {
          return null;
        } else if (gtltComp === 0 && (gt.operator !== ">=" || lt.operator !== "<=")) {
          return null;
        }
      }
      for (const eq of eqSet) {
        if (gt && !satisfies(eq, String(gt), options2)) {
          return null;
        }
        if (lt && !satisfies(eq, String(lt), options2)) {
          return null;
        }
        for (const c of dom) {
          if (!satisfies(eq, String(c), options2)) {
            return false;
          }
        }
        return true;
      }
      let higher, lower;
      let hasDomLT, hasDomGT;
      let needDomLTPre = lt && !options2.includePrerelease && lt.semver.prerelease.length ? lt.semver : false;
      let needDomGTPre = gt && !options2.includePrerelease && gt.semver.prerelease.length ? gt.semver : false;
      if (needDomLTPre && needDomLTPre.prerelease.length === 1 && lt.operator === "<" && needDomLTPre.prerelease[0] === 0) {
        needDomLTPre = false;
      }
      for (const c of dom) {
        hasDomGT = hasDomGT || c.operator === ">" || c.operator === ">=";
        hasDomLT = hasDomLT || c.operator === "<" || c.operator === "<=";
        if (gt) {
          if (needDomGTPre) {
            if (c.semver.prerelease && c.semver.prerelease.length && c.semver.major === needDomGTPre.major && c.semver.minor === needDomGTPre.minor && c.semver.patch === needDomGTPre.patch) {
              needDomGTPre = false;
            }
          }
          if (c.operator === ">" || c.operator === ">=") {
            higher = higherGT(gt, c, options2);
            if (higher === c && higher !== gt) {
              return false;
            }
          } else if (gt.operator === ">=" && !c.test(gt.semver)) {
            return false;
          }
        }
        if (lt) {
          if (needDomLTPre) {
            if (c.semver.prerelease && c.semver.prerelease.length && c.semver.major === needDomLTPre.major && c.semver.minor === needDomLTPre.minor && c.semver.patch === needDomLTPre.patch) {
              needDomLTPre = false;
            }
          }
          if (c.operator === "<" || c.operator === "<=") {
            lower = lowerLT(lt, c, options2);
            if (lower === c && lower !== lt) {
              return false;
            }
          } else if (lt.operator === "<=" && !c.test(lt.semver)) {
            return false;
          }
        }
        if (!c.operator && (lt || gt) && gtltComp !== 0) {
          return false;
        }
      }
      if (gt && hasDomLT && !lt && gtltComp !== 0) {
        return false;
      }
      if (lt && hasDomGT && !gt && gtltComp !== 0) {
        return false;
      }
      if (needDomGTPre || needDomLTPre) {
        return false;
      }
      return true;
    };
    var higherGT = (a, b, options2) => {
      if (!a) {
        return b;
      }
      const comp = compare2(a.semver, b.semver, options2);
      return comp > 0 ? a : comp < 0 ? b : b.operator === ">" && a.operator === ">=" ? b : a;
    };
    var lowerLT = (a, b, options2) => {
      if (!a) {
        return b;
      }
      const comp = compare2(a.semver, b.semver, options2);
      return comp < 0 ? a : comp > 0 ? b : b.operator === "<" && a.operator === "<=" ? b : a;
    };
    module.exports = subset;
  }
});

// node_modules/semver/index.js
var require_semver2 = __commonJS({
  "node_modules/semver/index.js"(exports, module) {
    "use strict";
    var internalRe = require_re();
    var constants = require_constants();
    var SemVer = require_semver();
    var identifiers = require_identifiers();
    var parse2 = require_parse();
    var valid = require_valid();
    var clean = require_clean();
    var inc = require_inc();
    var diff = require_diff();
    var major = require_major();
    var minor = require_minor();
    var patch = require_patch();
    var prerelease = require_prerelease();
    var compare2 = require_compare();
    var rcompare = require_rcompare();
    var compareLoose = require_compare_loose();
    var compareBuild = require_compare_build();
    var sort = require_sort();
    var rsort = require_rsort();
    var gt = require_gt();
    var lt = require_lt();
    var eq = require_eq();
    var neq = require_neq();
    var gte = require_gte();
    var lte = require_lte();
    var cmp2 = require_cmp();
    var coerce = require_coerce();
    var truncate = require_truncate();
    var Comparator = require_comparator();
    var Range = require_range();
    var satisfies = require_satisfies();
    var toComparators = require_to_comparators();
    var maxSatisfying = require_max_satisfying();
    var minSatisfying = require_min_satisfying();
    var minVersion = require_min_version();
    var validRange = require_valid2();
    var outside = require_outside();
    var gtr = require_gtr();
    var ltr = require_ltr();
    var intersects = require_intersects();
    var simplifyRange = require_simplify();
    var subset = require_subset();
    module.exports = {
      parse: parse2,
      valid,
      clean,
      inc,
      diff,
      major,
      minor,
      patch,
      prerelease,
      compare: compare2,
      rcompare,
      compareLoose,
      compareBuild,
      sort,
      rsort,
      gt,
      lt,
      eq,
      neq,
      gte,
      lte,
      cmp: cmp2,
      coerce,
      truncate,
      Comparator,
      Range,
      satisfies,
      toComparators,
      maxSatisfying,
      minSatisfying,
      minVersion,
      validRange,
      outside,
      gtr,
      ltr,
      intersects,
      simplifyRange,
      subset,
      SemVer,
      re: internalRe.re,
      src: internalRe.src,
      tokens: internalRe.t,
      SEMVER_SPEC_VERSION: constants.SEMVER_SPEC_VERSION,
      RELEASE_TYPES: constants.RELEASE_TYPES,
      compareIdentifiers: identifiers.compareIdentifiers,
      rcompareIdentifiers: identifiers.rcompareIdentifiers
    };
  }
});

// src/core/types.ts
var PACK_STATE_PATH, DEFAULT_CHANNEL;
var init_types = __esm({
  "src/core/types.ts"() {
    "use strict";
    PACK_STATE_PATH = "updates/uplevel.json";
    DEFAULT_CHANNEL = "full";
  }
});

// node_modules/yaml/dist/nodes/identity.js
var require_identity = __commonJS({
  "node_modules/yaml/dist/nodes/identity.js"(exports) {
    "use strict";
    var ALIAS = /* @__PURE__ */ Symbol.for("yaml.alias");
    var DOC = /* @__PURE__ */ Symbol.for("yaml.document");
    var MAP = /* @__PURE__ */ Symbol.for("yaml.map");
    var PAIR = /* @__PURE__ */ Symbol.for("yaml.pair");
    var SCALAR = /* @__PURE__ */ Symbol.for("yaml.scalar");
    var SEQ = /* @__PURE__ */ Symbol.for("yaml.seq");
    var NODE_TYPE = /* @__PURE__ */ Symbol.for("yaml.node.type");
    var isAlias = (node) => !!node && typeof node === "object" && node[NODE_TYPE] === ALIAS;
    var isDocument = (node) => !!node && typeof node === "object" && node[NODE_TYPE] === DOC;
    var isMap = (node) => !!node && typeof node === "object" && node[NODE_TYPE] === MAP;
    var isPair = (node) => !!node && typeof node === "object" && node[NODE_TYPE] === PAIR;
    var isScalar = (node) => !!node && typeof node === "object" && node[NODE_TYPE] === SCALAR;
    var isSeq = (node) => !!node && typeof node === "object" && node[NODE_TYPE] === SEQ;
    function isCollection(node) {
      if (node && typeof node === "object")
        switch (node[NODE_TYPE]) {
          case MAP:
          case SEQ:
            return true;
        }
      return false;
    }
    function isNode(node) {
      if (node && typeof node === "object")
        switch (node[NODE_TYPE]) {
          case ALIAS:
          case MAP:
          case SCALAR:
          case SEQ:
            return true;
        }
      return false;
    }
    var hasAnchor = (node) => (isScalar(node) || isCollection(node)) && !!node.anchor;
    exports.ALIAS = ALIAS;
    exports.DOC = DOC;
    exports.MAP = MAP;
    exports.NODE_TYPE = NODE_TYPE;
    exports.PAIR = PAIR;
    exports.SCALAR = SCALAR;
    exports.SEQ = SEQ;
    exports.hasAnchor = hasAnchor;
    exports.isAlias = isAlias;
    exports.isCollection = isCollection;
    exports.isDocument = isDocument;
    exports.isMap = isMap;
    exports.isNode = isNode;
    exports.isPair = isPair;
    exports.isScalar = isScalar;
    exports.isSeq = isSeq;
  }
});

// node_modules/yaml/dist/visit.js
var require_visit = __commonJS({
  "node_modules/yaml/dist/visit.js"(exports) {
    "use strict";
    var identity = require_identity();
    var BREAK = /* @__PURE__ */ Symbol("break visit");
    var SKIP = /* @__PURE__ */ Symbol("skip children");
    var REMOVE = /* @__PURE__ */ Symbol("remove node");
    function visit(node, visitor) {
      const visitor_ = initVisitor(visitor);
      if (identity.isDocument(node)) {
        const cd = visit_(null, node.contents, visitor_, Object.freeze([node]));
        if (cd === REMOVE)
          node.contents = null;
      } else
        visit_(null, node, visitor_, Object.freeze([]));
    }
    visit.BREAK = BREAK;
    visit.SKIP = SKIP;
    visit.REMOVE = REMOVE;
    function visit_(key, node, visitor, path39) {
      const ctrl = callVisitor(key, node, visitor, path39);
      if (identity.isNode(ctrl) || identity.isPair(ctrl)) {
        replaceNode(key, path39, ctrl);
        return visit_(key, ctrl, visitor, path39);
      }
      if (typeof ctrl !== "symbol") {
        if (identity.isCollection(node)) {
          path39 = Object.freeze(path39.concat(node));
          for (let i = 0; i < node.items.length; ++i) {
            const ci = visit_(i, node.items[i], visitor, path39);
            if (typeof ci === "number")
              i = ci - 1;
            else if (ci === BREAK)
              return BREAK;
            else if (ci === REMOVE) {
              node.items.splice(i, 1);
              i -= 1;
            }
          }
        } else if (identity.isPair(node)) {
          path39 = Object.freeze(path39.concat(node));
          const ck = visit_("key", node.key, visitor, path39);
          if (ck === BREAK)
            return BREAK;
          else if (ck === REMOVE)
            node.key = null;
          const cv = visit_("value", node.value, visitor, path39);
          if (cv === BREAK)
            return BREAK;
          else if (cv === REMOVE)
            node.value = null;
        }
      }
      return ctrl;
    }
    async function visitAsync(node, visitor) {
      const visitor_ = initVisitor(visitor);
      if (identity.isDocument(node)) {
        const cd = await visitAsync_(null, node.contents, visitor_, Object.freeze([node]));
        if (cd === REMOVE)
          node.contents = null;
      } else
        await visitAsync_(null, node, visitor_, Object.freeze([]));
    }
    visitAsync.BREAK = BREAK;
    visitAsync.SKIP = SKIP;
    visitAsync.REMOVE = REMOVE;
    async function visitAsync_(key, node, visitor, path39) {
      const ctrl = await callVisitor(key, node, visitor, path39);
      if (identity.isNode(ctrl) || identity.isPair(ctrl)) {
        replaceNode(key, path39, ctrl);
        return visitAsync_(key, ctrl, visitor, path39);
      }
      if (typeof ctrl !== "symbol") {
        if (identity.isCollection(node)) {
          path39 = Object.freeze(path39.concat(node));
          for (let i = 0; i < node.items.length; ++i) {
            const ci = await visitAsync_(i, node.items[i], visitor, path39);
            if (typeof ci === "number")
              i = ci - 1;
            else if (ci === BREAK)
              return BREAK;
            else if (ci === REMOVE) {
              node.items.splice(i, 1);
              i -= 1;
            }
          }
        } else if (identity.isPair(node)) {
          path39 = Object.freeze(path39.concat(node));
          const ck = await visitAsync_("key", node.key, visitor, path39);
          if (ck === BREAK)
            return BREAK;
          else if (ck === REMOVE)
            node.key = null;
          const cv = await visitAsync_("value", node.value, visitor, path39);
          if (cv === BREAK)
            return BREAK;
          else if (cv === REMOVE)
            node.value = null;
        }
      }
      return ctrl;
    }
    function initVisitor(visitor) {
      if (typeof visitor === "object" && (visitor.Collection || visitor.Node || visitor.Value)) {
        return Object.assign({
          Alias: visitor.Node,
          Map: visitor.Node,
          Scalar: visitor.Node,
          Seq: visitor.Node
        }, visitor.Value && {
          Map: visitor.Value,
          Scalar: visitor.Value,
          Seq: visitor.Value
        }, visitor.Collection && {
          Map: visitor.Collection,
          Seq: visitor.Collection
        }, visitor);
      }
      return visitor;
    }
    function callVisitor(key, node, visitor, path39) {
      if (typeof visitor === "function")
        return visitor(key, node, path39);
      if (identity.isMap(node))
        return visitor.Map?.(key, node, path39);
      if (identity.isSeq(node))
        return visitor.Seq?.(key, node, path39);
      if (identity.isPair(node))
        return visitor.Pair?.(key, node, path39);
      if (identity.isScalar(node))
        return visitor.Scalar?.(key, node, path39);
      if (identity.isAlias(node))
        return visitor.Alias?.(key, node, path39);
      return void 0;
    }
    function replaceNode(key, path39, node) {
      const parent = path39[path39.length - 1];
      if (identity.isCollection(parent)) {
        parent.items[key] = node;
      } else if (identity.isPair(parent)) {
        if (key === "key")
          parent.key = node;
        else
          parent.value = node;
      } else if (identity.isDocument(parent)) {
        parent.contents = node;
      } else {
        const pt = identity.isAlias(parent) ? "alias" : "scalar";
        throw new Error(`Cannot replace node with ${pt} parent`);
      }
    }
    exports.visit = visit;
    exports.visitAsync = visitAsync;
  }
});

// node_modules/yaml/dist/doc/directives.js
var require_directives = __commonJS({
  "node_modules/yaml/dist/doc/directives.js"(exports) {
    "use strict";
    var identity = require_identity();
    var visit = require_visit();
    var escapeChars = {
      "!": "%21",
      ",": "%2C",
      "[": "%5B",
      "]": "%5D",
      "{": "%7B",
      "}": "%7D"
    };
    var escapeTagName = (tn) => tn.replace(/[!,[\]{}]/g, (ch) => escapeChars[ch]);
    var Directives = class _Directives {
      constructor(yaml, tags) {
        this.docStart = null;
        this.docEnd = false;
        this.yaml = Object.assign({}, _Directives.defaultYaml, yaml);
        this.tags = Object.assign({}, _Directives.defaultTags, tags);
      }
      clone() {
        const copy = new _Directives(this.yaml, this.tags);
        copy.docStart = this.docStart;
        return copy;
      }
      /**
       * During parsing, get a Directives instance for the current document and
       * update the stream state according to the current version's spec.
       */
      atDocument() {
        const res = new _Directives(this.yaml, this.tags);
        switch (this.yaml.version) {
          case "1.1":
            this.atNextDocument = true;
            break;
          case "1.2":
            this.atNextDocument = false;
            this.yaml = {
              explicit: _Directives.defaultYaml.explicit,
              version: "1.2"
            };
            this.tags = Object.assign({}, _Directives.defaultTags);
            break;
        }
        return res;
      }
      /**
       * @param onError - May be called even if the action was successful
       * @returns `true` on success
       */
      add(line, onError) {
        if (this.atNextDocument) {
          this.yaml = { explicit: _Directives.defaultYaml.explicit, version: "1.1" };
          this.tags = Object.assign({}, _Directives.defaultTags);
          this.atNextDocument = false;
        }
        const parts = line.trim().split(/[ \t]+/);
        const name = parts.shift();
        switch (name) {
          case "%TAG": {
            if (parts.length !== 2) {
              onError(0, "%TAG directive should contain exactly two parts");
              if (parts.length < 2)
                return false;
            }
            const [handle2, prefix] = parts;
            this.tags[handle2] = prefix;
            return true;
          }
          case "%YAML": {
            this.yaml.explicit = true;
            if (parts.length !== 1) {
              onError(0, "%YAML directive should contain exactly one part");
              return false;
            }
            const [version] = parts;
            if (version === "1.1" || version === "1.2") {
              this.yaml.version = version;
              return true;
            } else {
              const isValid = /^\d+\.\d+$/.test(version);
              onError(6, `Unsupported YAML version ${version}`, isValid);
              return false;
            }
          }
          default:
            onError(0, `Unknown directive ${name}`, true);
            return false;
        }
      }
      /**
       * Resolves a tag, matching handles to those defined in %TAG directives.
       *
       * @returns Resolved tag, which may also be the non-specific tag `'!'` or a
       *   `'!local'` tag, or `null` if unresolvable.
       */
      tagName(source, onError) {
        if (source === "!")
          return "!";
        if (source[0] !== "!") {
          onError(`Not a valid tag: ${source}`);
          return null;
        }
        if (source[1] === "<") {
          const verbatim = source.slice(2, -1);
          if (verbatim === "!" || verbatim === "!!") {
            onError(`Verbatim tags aren't resolved, so ${source} is invalid.`);
            return null;
          }
          if (source[source.length - 1] !== ">")
            onError("Verbatim tags must end with a >");
          return verbatim;
        }
        const [, handle2, suffix] = source.match(/^(.*!)([^!]*)$/s);
        if (!suffix)
          onError(`The ${source} tag has no suffix`);
        const prefix = this.tags[handle2];
        if (prefix) {
          try {
            return prefix + decodeURIComponent(suffix);
          } catch (error) {
            onError(String(error));
            return null;
          }
        }
        if (handle2 === "!")
          return source;
        onError(`Could not resolve tag: ${source}`);
        return null;
      }
      /**
       * Given a fully resolved tag, returns its printable string form,
       * taking into account current tag prefixes and defaults.
       */
      tagString(tag) {
        for (const [handle2, prefix] of Object.entries(this.tags)) {
          if (tag.startsWith(prefix))
            return handle2 + escapeTagName(tag.substring(prefix.length));
        }
        return tag[0] === "!" ? tag : `!<${tag}>`;
      }
      toString(doc) {
        const lines = this.yaml.explicit ? [`%YAML ${this.yaml.version || "1.2"}`] : [];
        const tagEntries = Object.entries(this.tags);
        let tagNames;
        if (doc && tagEntries.length > 0 && identity.isNode(doc.contents)) {
          const tags = {};
          visit.visit(doc.contents, (_key, node) => {
            if (identity.isNode(node) && node.tag)
              tags[node.tag] = true;
          });
          tagNames = Object.keys(tags);
        } else
          tagNames = [];
        for (const [handle2, prefix] of tagEntries) {
          if (handle2 === "!!" && prefix === "tag:yaml.org,2002:")
            continue;
          if (!doc || tagNames.some((tn) => tn.startsWith(prefix)))
            lines.push(`%TAG ${handle2} ${prefix}`);
        }
        return lines.join("\n");
      }
    };
    Directives.defaultYaml = { explicit: false, version: "1.2" };
    Directives.defaultTags = { "!!": "tag:yaml.org,2002:" };
    exports.Directives = Directives;
  }
});

// node_modules/yaml/dist/doc/anchors.js
var require_anchors = __commonJS({
  "node_modules/yaml/dist/doc/anchors.js"(exports) {
    "use strict";
    var identity = require_identity();
    var visit = require_visit();
    function anchorIsValid(anchor) {
      if (/[\x00-\x19\s,[\]{}]/.test(anchor)) {
        const sa = JSON.stringify(anchor);
        const msg = `Anchor must not contain whitespace or control characters: ${sa}`;
        throw new Error(msg);
      }
      return true;
    }
    function anchorNames(root) {
      const anchors = /* @__PURE__ */ new Set();
      visit.visit(root, {
        Value(_key, node) {
          if (node.anchor)
            anchors.add(node.anchor);
        }
      });
      return anchors;
    }
    function findNewAnchor(prefix, exclude) {
      for (let i = 1; true; ++i) {
        const name = `${prefix}${i}`;
        if (!exclude.has(name))
          return name;
      }
    }
    function createNodeAnchors(doc, prefix) {
      const aliasObjects = [];
      const sourceObjects = /* @__PURE__ */ new Map();
      let prevAnchors = null;
      return {
        onAnchor: (source) => {
          aliasObjects.push(source);
          prevAnchors ?? (prevAnchors = anchorNames(doc));
          const anchor = findNewAnchor(prefix, prevAnchors);
          prevAnchors.add(anchor);
          return anchor;
        },
        /**
         * With circular references, the source node is only resolved after all
         * of its child nodes are. This is why anchors are set only after all of
         * the nodes have been created.
         */
        setAnchors: () => {
          for (const source of aliasObjects) {
            const ref = sourceObjects.get(source);
            if (typeof ref === "object" && ref.anchor && (identity.isScalar(ref.node) || identity.isCollection(ref.node))) {
              ref.node.anchor = ref.anchor;
            } else {
              const error = new Error("Failed to resolve repeated object (this should not happen)");
              error.source = source;
              throw error;
            }
          }
        },
        sourceObjects
      };
    }
    exports.anchorIsValid = anchorIsValid;
    exports.anchorNames = anchorNames;
    exports.createNodeAnchors = createNodeAnchors;
    exports.findNewAnchor = findNewAnchor;
  }
});

// node_modules/yaml/dist/doc/applyReviver.js
var require_applyReviver = __commonJS({
  "node_modules/yaml/dist/doc/applyReviver.js"(exports) {
    "use strict";
    function applyReviver(reviver, obj, key, val) {
      if (val && typeof val === "object") {
        if (Array.isArray(val)) {
          for (let i = 0, len = val.length; i < len; ++i) {
            const v0 = val[i];
            const v1 = applyReviver(reviver, val, String(i), v0);
            if (v1 === void 0)
              delete val[i];
            else if (v1 !== v0)
              val[i] = v1;
          }
        } else if (val instanceof Map) {
          for (const k of Array.from(val.keys())) {
            const v0 = val.get(k);
            const v1 = applyReviver(reviver, val, k, v0);
            if (v1 === void 0)
              val.delete(k);
            else if (v1 !== v0)
              val.set(k, v1);
          }
        } else if (val instanceof Set) {
          for (const v0 of Array.from(val)) {
            const v1 = applyReviver(reviver, val, v0, v0);
            if (v1 === void 0)
              val.delete(v0);
            else if (v1 !== v0) {
              val.delete(v0);
              val.add(v1);
            }
          }
        } else {
          for (const [k, v0] of Object.entries(val)) {
            const v1 = applyReviver(reviver, val, k, v0);
            if (v1 === void 0)
              delete val[k];
            else if (v1 !== v0)
              val[k] = v1;
          }
        }
      }
      return reviver.call(obj, key, val);
    }
    exports.applyReviver = applyReviver;
  }
});

// node_modules/yaml/dist/nodes/toJS.js
var require_toJS = __commonJS({
  "node_modules/yaml/dist/nodes/toJS.js"(exports) {
    "use strict";
    var identity = require_identity();
    function toJS(value, arg, ctx) {
      if (Array.isArray(value))
        return value.map((v, i) => toJS(v, String(i), ctx));
      if (value && typeof value.toJSON === "function") {
        if (!ctx || !identity.hasAnchor(value))
          return value.toJSON(arg, ctx);
        const data = { aliasCount: 0, count: 1, res: void 0 };
        ctx.anchors.set(value, data);
        ctx.onCreate = (res2) => {
          data.res = res2;
          delete ctx.onCreate;
        };
        const res = value.toJSON(arg, ctx);
        if (ctx.onCreate)
          ctx.onCreate(res);
        return res;
      }
      if (typeof value === "bigint" && !ctx?.keep)
        return Number(value);
      return value;
    }
    exports.toJS = toJS;
  }
});

// node_modules/yaml/dist/nodes/Node.js
var require_Node = __commonJS({
  "node_modules/yaml/dist/nodes/Node.js"(exports) {
    "use strict";
    var applyReviver = require_applyReviver();
    var identity = require_identity();
    var toJS = require_toJS();
    var NodeBase = class {
      constructor(type) {
        Object.defineProperty(this, identity.NODE_TYPE, { value: type });
      }
      /** Create a copy of this node.  */
      clone() {
        const copy = Object.create(Object.getPrototypeOf(this), Object.getOwnPropertyDescriptors(this));
        if (this.range)
          copy.range = this.range.slice();
        return copy;
      }
      /** A plain JavaScript representation of this node. */
      toJS(doc, { mapAsMap, maxAliasCount, onAnchor, reviver } = {}) {
        if (!identity.isDocument(doc))
          throw new TypeError("A document argument is required");
        const ctx = {
          anchors: /* @__PURE__ */ new Map(),
          doc,
          keep: true,
          mapAsMap: mapAsMap === true,
          mapKeyWarned: false,
          maxAliasCount: typeof maxAliasCount === "number" ? maxAliasCount : 100
        };
        const res = toJS.toJS(this, "", ctx);
        if (typeof onAnchor === "function")
          for (const { count, res: res2 } of ctx.anchors.values())
            onAnchor(res2, count);
        return typeof reviver === "function" ? applyReviver.applyReviver(reviver, { "": res }, "", res) : res;
      }
    };
    exports.NodeBase = NodeBase;
  }
});

// node_modules/yaml/dist/nodes/Alias.js
var require_Alias = __commonJS({
  "node_modules/yaml/dist/nodes/Alias.js"(exports) {
    "use strict";
    var anchors = require_anchors();
    var visit = require_visit();
    var identity = require_identity();
    var Node = require_Node();
    var toJS = require_toJS();
    var Alias = class extends Node.NodeBase {
      constructor(source) {
        super(identity.ALIAS);
        this.source = source;
        Object.defineProperty(this, "tag", {
          set() {
            throw new Error("Alias nodes cannot have tags");
          }
        });
      }
      /**
       * Resolve the value of this alias within `doc`, finding the last
       * instance of the `source` anchor before this node.
       */
      resolve(doc, ctx) {
        if (ctx?.maxAliasCount === 0)
          throw new ReferenceError("Alias resolution is disabled");
        let nodes;
        if (ctx?.aliasResolveCache) {
          nodes = ctx.aliasResolveCache;
        } else {
          nodes = [];
          visit.visit(doc, {
            Node: (_key, node) => {
              if (identity.isAlias(node) || identity.hasAnchor(node))
                nodes.push(node);
            }
          });
          if (ctx)
            ctx.aliasResolveCache = nodes;
        }
        let found = void 0;
        for (const node of nodes) {
          if (node === this)
            break;
          if (node.anchor === this.source)
            found = node;
        }
        if (found && ctx) {
          const { anchors: anchors2, doc: doc2, maxAliasCount } = ctx;
          let data = anchors2.get(found);
          if (!data) {
            toJS.toJS(found, null, ctx);
            data = anchors2.get(found);
          }
          if (data?.res === void 0) {
            const msg = "This should not happen: Alias anchor was not resolved?";
            throw new ReferenceError(msg);
          }
          if (maxAliasCount >= 0) {
            data.count += 1;
            if (data.aliasCount === 0)
              data.aliasCount = getAliasCount(doc2, found, anchors2);
            if (data.count * data.aliasCount > maxAliasCount) {
              const msg = "Excessive alias count indicates a resource exhaustion attack";
              throw new ReferenceError(msg);
            }
          }
        }
        return found;
      }
      toJSON(_arg, ctx) {
        if (!ctx)
          return { source: this.source };
        const source = this.resolve(ctx.doc, ctx);
        if (!source) {
          const msg = `Unresolved alias (the anchor must be set before the alias): ${this.source}`;
          throw new ReferenceError(msg);
        }
        return ctx.anchors.get(source).res;
      }
      toString(ctx, _onComment, _onChompKeep) {
        const src = `*${this.source}`;
        if (ctx) {
          anchors.anchorIsValid(this.source);
          if (ctx.options.verifyAliasOrder && !ctx.anchors.has(this.source)) {
            const msg = `Unresolved alias (the anchor must be set before the alias): ${this.source}`;
            throw new Error(msg);
          }
          if (ctx.implicitKey)
            return `${src} `;
        }
        return src;
      }
    };
    function getAliasCount(doc, node, anchors2) {
      if (identity.isAlias(node)) {
        const source = node.resolve(doc);
        const anchor = anchors2 && source && anchors2.get(source);
        return anchor ? anchor.count * anchor.aliasCount : 0;
      } else if (identity.isCollection(node)) {
        let count = 0;
        for (const item of node.items) {
          const c = getAliasCount(doc, item, anchors2);
          if (c > count)
            count = c;
        }
        return count;
      } else if (identity.isPair(node)) {
        const kc = getAliasCount(doc, node.key, anchors2);
        const vc = getAliasCount(doc, node.value, anchors2);
        return Math.max(kc, vc);
      }
      return 1;
    }
    exports.Alias = Alias;
  }
});

// node_modules/yaml/dist/nodes/Scalar.js
var require_Scalar = __commonJS({
  "node_modules/yaml/dist/nodes/Scalar.js"(exports) {
    "use strict";
    var identity = require_identity();
    var Node = require_Node();
    var toJS = require_toJS();
    var isScalarValue = (value) => !value || typeof value !== "function" && typeof value !== "object";
    var Scalar = class extends Node.NodeBase {
      constructor(value) {
        super(identity.SCALAR);
        this.value = value;
      }
      toJSON(arg, ctx) {
        return ctx?.keep ? this.value : toJS.toJS(this.value, arg, ctx);
      }
      toString() {
        return String(this.value);
      }
    };
    Scalar.BLOCK_FOLDED = "BLOCK_FOLDED";
    Scalar.BLOCK_LITERAL = "BLOCK_LITERAL";
    Scalar.PLAIN = "PLAIN";
    Scalar.QUOTE_DOUBLE = "QUOTE_DOUBLE";
    Scalar.QUOTE_SINGLE = "QUOTE_SINGLE";
    exports.Scalar = Scalar;
    exports.isScalarValue = isScalarValue;
  }
});

// node_modules/yaml/dist/doc/createNode.js
var require_createNode = __commonJS({
  "node_modules/yaml/dist/doc/createNode.js"(exports) {
    "use strict";
    var Alias = require_Alias();
    var identity = require_identity();
    var Scalar = require_Scalar();
    var defaultTagPrefix = "tag:yaml.org,2002:";
    function findTagObject(value, tagName, tags) {
      if (tagName) {
        const match = tags.filter((t) => t.tag === tagName);
        const tagObj = match.find((t) => !t.format) ?? match[0];
        if (!tagObj)
          throw new Error(`Tag ${tagName} not found`);
        return tagObj;
      }
      return tags.find((t) => t.identify?.(value) && !t.format);
    }
    function createNode(value, tagName, ctx) {
      if (identity.isDocument(value))
        value = value.contents;
      if (identity.isNode(value))
        return value;
      if (identity.isPair(value)) {
        const map = ctx.schema[identity.MAP].createNode?.(ctx.schema, null, ctx);
        map.items.push(value);
        return map;
      }
      if (value instanceof String || value instanceof Number || value instanceof Boolean || typeof BigInt !== "undefined" && value instanceof BigInt) {
        value = value.valueOf();
      }
      const { aliasDuplicateObjects, onAnchor, onTagObj, schema, sourceObjects } = ctx;
      let ref = void 0;
      if (aliasDuplicateObjects && value && typeof value === "object") {
        ref = sourceObjects.get(value);
        if (ref) {
          ref.anchor ?? (ref.anchor = onAnchor(value));
          return new Alias.Alias(ref.anchor);
        } else {
          ref = { anchor: null, node: null };
          sourceObjects.set(value, ref);
        }
      }
      if (tagName?.startsWith("!!"))
        tagName = defaultTagPrefix + tagName.slice(2);
      let tagObj = findTagObject(value, tagName, schema.tags);
      if (!tagObj) {
        if (value && typeof value.toJSON === "function") {
          value = value.toJSON();
        }
        if (!value || typeof value !== "object") {
          const node2 = new Scalar.Scalar(value);
          if (ref)
            ref.node = node2;
          return node2;
        }
        tagObj = value instanceof Map ? schema[identity.MAP] : Symbol.iterator in Object(value) ? schema[identity.SEQ] : schema[identity.MAP];
      }
      if (onTagObj) {
        onTagObj(tagObj);
        delete ctx.onTagObj;
      }
      const node = tagObj?.createNode ? tagObj.createNode(ctx.schema, value, ctx) : typeof tagObj?.nodeClass?.from === "function" ? tagObj.nodeClass.from(ctx.schema, value, ctx) : new Scalar.Scalar(value);
      if (tagName)
        node.tag = tagName;
      else if (!tagObj.default)
        node.tag = tagObj.tag;
      if (ref)
        ref.node = node;
      return node;
    }
    exports.createNode = createNode;
  }
});

// node_modules/yaml/dist/nodes/Collection.js
var require_Collection = __commonJS({
  "node_modules/yaml/dist/nodes/Collection.js"(exports) {
    "use strict";
    var createNode = require_createNode();
    var identity = require_identity();
    var Node = require_Node();
    function collectionFromPath(schema, path39, value) {
      let v = value;
      for (let i = path39.length - 1; i >= 0; --i) {
        const k = path39[i];
        if (typeof k === "number" && Number.isInteger(k) && k >= 0) {
          const a = [];
          a[k] = v;
          v = a;
        } else {
          v = /* @__PURE__ */ new Map([[k, v]]);
        }
      }
      return createNode.createNode(v, void 0, {
        aliasDuplicateObjects: false,
        keepUndefined: false,
        onAnchor: () => {
          throw new Error("This should not happen, please report a bug.");
        },
        schema,
        sourceObjects: /* @__PURE__ */ new Map()
      });
    }
    var isEmptyPath = (path39) => path39 == null || typeof path39 === "object" && !!path39[Symbol.iterator]().next().done;
    var Collection = class extends Node.NodeBase {
      constructor(type, schema) {
        super(type);
        Object.defineProperty(this, "schema", {
          value: schema,
          configurable: true,
          enumerable: false,
          writable: true
        });
      }
      /**
       * Create a copy of this collection.
       *
       * @param schema - If defined, overwrites the original's schema
       */
      clone(schema) {
        const copy = Object.create(Object.getPrototypeOf(this), Object.getOwnPropertyDescriptors(this));
        if (schema)
          copy.schema = schema;
        copy.items = copy.items.map((it) => identity.isNode(it) || identity.isPair(it) ? it.clone(schema) : it);
        if (this.range)
          copy.range = this.range.slice();
        return copy;
      }
      /**
       * Adds a value to the collection. For `!!map` and `!!omap` the value must
       * be a Pair instance or a `{ key, value }` object, which may not have a key
       * that already exists in the map.
       */
      addIn(path39, value) {
        if (isEmptyPath(path39))
          this.add(value);
        else {
          const [key, ...rest] = path39;
          const node = this.get(key, true);
          if (identity.isCollection(node))
            node.addIn(rest, value);
          else if (node === void 0 && this.schema)
            this.set(key, collectionFromPath(this.schema, rest, value));
          else
            throw new Error(`Expected YAML collection at ${key}. Remaining path: ${rest}`);
        }
      }
      /**
       * Removes a value from the collection.
       * @returns `true` if the item was found and removed.
       */
      deleteIn(path39) {
        const [key, ...rest] = path39;
        if (rest.length === 0)
          return this.delete(key);
        const node = this.get(key, true);
        if (identity.isCollection(node))
          return node.deleteIn(rest);
        else
          throw new Error(`Expected YAML collection at ${key}. Remaining path: ${rest}`);
      }
      /**
       * Returns item at `key`, or `undefined` if not found. By default unwraps
       * scalar values from their surrounding node; to disable set `keepScalar` to
       * `true` (collections are always returned intact).
       */
      getIn(path39, keepScalar) {
        const [key, ...rest] = path39;
        const node = this.get(key, true);
        if (rest.length === 0)
          return !keepScalar && identity.isScalar(node) ? node.value : node;
        else
          return identity.isCollection(node) ? node.getIn(rest, keepScalar) : void 0;
      }
      hasAllNullValues(allowScalar) {
        return this.items.every((node) => {
          if (!identity.isPair(node))
            return false;
          const n = node.value;
          return n == null || allowScalar && identity.isScalar(n) && n.value == null && !n.commentBefore && !n.comment && !n.tag;
        });
      }
      /**
       * Checks if the collection includes a value with the key `key`.
       */
      hasIn(path39) {
        const [key, ...rest] = path39;
        if (rest.length === 0)
          return this.has(key);
        const node = this.get(key, true);
        return identity.isCollection(node) ? node.hasIn(rest) : false;
      }
      /**
       * Sets a value in this collection. For `!!set`, `value` needs to be a
       * boolean to add/remove the item from the set.
       */
      setIn(path39, value) {
        const [key, ...rest] = path39;
        if (rest.length === 0) {
          this.set(key, value);
        } else {
          const node = this.get(key, true);
          if (identity.isCollection(node))
            node.setIn(rest, value);
          else if (node === void 0 && this.schema)
            this.set(key, collectionFromPath(this.schema, rest, value));
          else
            throw new Error(`Expected YAML collection at ${key}. Remaining path: ${rest}`);
        }
      }
    };
    exports.Collection = Collection;
    exports.collectionFromPath = collectionFromPath;
    exports.isEmptyPath = isEmptyPath;
  }
});

// node_modules/yaml/dist/stringify/stringifyComment.js
var require_stringifyComment = __commonJS({
  "node_modules/yaml/dist/stringify/stringifyComment.js"(exports) {
    "use strict";
    var stringifyComment = (str) => str.replace(/^(?!$)(?: $)?/gm, "#");
    function indentComment(comment, indent) {
      if (/^\n+$/.test(comment))
        return comment.substring(1);
      return indent ? comment.replace(/^(?! *$)/gm, indent) : comment;
    }
    var lineComment = (str, indent, comment) => str.endsWith("\n") ? indentComment(comment, indent) : comment.includes("\n") ? "\n" + indentComment(comment, indent) : (str.endsWith(" ") ? "" : " ") + comment;
    exports.indentComment = indentComment;
    exports.lineComment = lineComment;
    exports.stringifyComment = stringifyComment;
  }
});

// node_modules/yaml/dist/stringify/foldFlowLines.js
var require_foldFlowLines = __commonJS({
  "node_modules/yaml/dist/stringify/foldFlowLines.js"(exports) {
    "use strict";
    var FOLD_FLOW = "flow";
    var FOLD_BLOCK = "block";
    var FOLD_QUOTED = "quoted";
    function foldFlowLines(text, indent, mode = "flow", { indentAtStart, lineWidth = 80, minContentWidth = 20, onFold, onOverflow } = {}) {
      if (!lineWidth || lineWidth < 0)
        return text;
      if (lineWidth < minContentWidth)
        minContentWidth = 0;
      const endStep = Math.max(1 + minContentWidth, 1 + lineWidth - indent.length);
      if (text.length <= endStep)
        return text;
      const folds = [];
      const escapedFolds = {};
      let end = lineWidth - indent.length;
      if (typeof indentAtStart === "number") {
        if (indentAtStart > lineWidth - Math.max(2, minContentWidth))
          folds.push(0);
        else
          end = lineWidth - indentAtStart;
      }
      let split = void 0;
      let prev = void 0;
      let overflow = false;
      let i = -1;
      let escStart = -1;
      let escEnd = -1;
      if (mode === FOLD_BLOCK) {
        i = consumeMoreIndentedLines(text, i, indent.length);
        if (i !== -1)
          end = i + endStep;
      }
      for (let ch; ch = text[i += 1]; ) {
        if (mode === FOLD_QUOTED && ch === "\\") {
          escStart = i;
          switch (text[i + 1]) {
            case "x":
              i += 3;
              break;
            case "u":
              i += 5;
              break;
            case "U":
              i += 9;
              break;
            default:
              i += 1;
          }
          escEnd = i;
        }
        if (ch === "\n") {
          if (mode === FOLD_BLOCK)
            i = consumeMoreIndentedLines(text, i, indent.length);
          end = i + indent.length + endStep;
          split = void 0;
        } else {
          if (ch === " " && prev && prev !== " " && prev !== "\n" && prev !== "	") {
            const next = text[i + 1];
            if (next && next !== " " && next !== "\n" && next !== "	")
              split = i;
          }
          if (i >= end) {
            if (split) {
              folds.push(split);
              end = split + endStep;
              split = void 0;
            } else if (mode === FOLD_QUOTED) {
              while (prev === " " || prev === "	") {
                prev = ch;
                ch = text[i += 1];
                overflow = true;
              }
              const j = i > escEnd + 1 ? i - 2 : escStart - 1;
              if (escapedFolds[j])
                return text;
              folds.push(j);
              escapedFolds[j] = true;
              end = j + endStep;
              split = void 0;
            } else {
              overflow = true;
            }
          }
        }
        prev = ch;
      }
      if (overflow && onOverflow)
        onOverflow();
      if (folds.length === 0)
        return text;
      if (onFold)
        onFold();
      let res = text.slice(0, folds[0]);
      for (let i2 = 0; i2 < folds.length; ++i2) {
        const fold = folds[i2];
        const end2 = folds[i2 + 1] || text.length;
        if (fold === 0)
          res = `
${indent}${text.slice(0, end2)}`;
        else {
          if (mode === FOLD_QUOTED && escapedFolds[fold])
            res += `${text[fold]}\\`;
          res += `
${indent}${text.slice(fold + 1, end2)}`;
        }
      }
      return res;
    }
    function consumeMoreIndentedLines(text, i, indent) {
      let end = i;
      let start = i + 1;
      let ch = text[start];
      while (ch === " " || ch === "	") {
        if (i < start + indent) {
          ch = text[++i];
        } else {
          do {
            ch = text[++i];
          } while (ch && ch !== "\n");
          end = i;
          start = i + 1;
          ch = text[start];
        }
      }
      return end;
    }
    exports.FOLD_BLOCK = FOLD_BLOCK;
    exports.FOLD_FLOW = FOLD_FLOW;
    exports.FOLD_QUOTED = FOLD_QUOTED;
    exports.foldFlowLines = foldFlowLines;
  }
});

// node_modules/yaml/dist/stringify/stringifyString.js
var require_stringifyString = __commonJS({
  "node_modules/yaml/dist/stringify/stringifyString.js"(exports) {
    "use strict";
    var Scalar = require_Scalar();
    var foldFlowLines = require_foldFlowLines();
    var getFoldOptions = (ctx, isBlock) => ({
      indentAtStart: isBlock ? ctx.indent.length : ctx.indentAtStart,
      lineWidth: ctx.options.lineWidth,
      minContentWidth: ctx.options.minContentWidth
    });
    var containsDocumentMarker = (str) => /^(%|---|\.\.\.)/m.test(str);
    function lineLengthOverLimit(str, lineWidth, indentLength) {
      if (!lineWidth || lineWidth < 0)
        return false;
      const limit = lineWidth - indentLength;
      const strLen = str.length;
      if (strLen <= limit)
        return false;
      for (let i = 0, start = 0; i < strLen; ++i) {
        if (str[i] === "\n") {
          if (i - start > limit)
            return true;
          start = i + 1;
          if (strLen - start <= limit)
            return false;
        }
      }
      return true;
    }
    function doubleQuotedString(value, ctx) {
      const json = JSON.stringify(value);
      if (ctx.options.doubleQuotedAsJSON)
        return json;
      const { implicitKey } = ctx;
      const minMultiLineLength = ctx.options.doubleQuotedMinMultiLineLength;
      const indent = ctx.indent || (containsDocumentMarker(value) ? "  " : "");
      let str = "";
      let start = 0;
      for (let i = 0, ch = json[i]; ch; ch = json[++i]) {
        if (ch === " " && json[i + 1] === "\\" && json[i + 2] === "n") {
          str += json.slice(start, i) + "\\ ";
          i += 1;
          start = i;
          ch = "\\";
        }
        if (ch === "\\")
          switch (json[i + 1]) {
            case "u":
              {
                str += json.slice(start, i);
                const code = json.substr(i + 2, 4);
                switch (code) {
                  case "0000":
                    str += "\\0";
                    break;
                  case "0007":
                    str += "\\a";
                    break;
                  case "000b":
                    str += "\\v";
                    break;
                  case "001b":
                    str += "\\e";
                    break;
                  case "0085":
                    str += "\\N";
                    break;
                  case "00a0":
                    str += "\\_";
                    break;
                  case "2028":
                    str += "\\L";
                    break;
                  case "2029":
                    str += "\\P";
                    break;
                  default:
                    if (code.substr(0, 2) === "00")
                      str += "\\x" + code.substr(2);
                    else
                      str += json.substr(i, 6);
                }
                i += 5;
                start = i + 1;
              }
              break;
            case "n":
              if (implicitKey || json[i + 2] === '"' || json.length < minMultiLineLength) {
                i += 1;
              } else {
                str += json.slice(start, i) + "\n\n";
                while (json[i + 2] === "\\" && json[i + 3] === "n" && json[i + 4] !== '"') {
                  str += "\n";
                  i += 2;
                }
                str += indent;
                if (json[i + 2] === " ")
                  str += "\\";
                i += 1;
                start = i + 1;
              }
              break;
            default:
              i += 1;
          }
      }
      str = start ? str + json.slice(start) : json;
      return implicitKey ? str : foldFlowLines.foldFlowLines(str, indent, foldFlowLines.FOLD_QUOTED, getFoldOptions(ctx, false));
    }
    function singleQuotedString(value, ctx) {
      if (ctx.options.singleQuote === false || ctx.implicitKey && value.includes("\n") || /[ \t]\n|\n[ \t]/.test(value))
        return doubleQuotedString(value, ctx);
      const indent = ctx.indent || (containsDocumentMarker(value) ? "  " : "");
      const res = "'" + value.replace(/'/g, "''").replace(/\n+/g, `$&
${indent}`) + "'";
      return ctx.implicitKey ? res : foldFlowLines.foldFlowLines(res, indent, foldFlowLines.FOLD_FLOW, getFoldOptions(ctx, false));
    }
    function quotedString(value, ctx) {
      const { singleQuote } = ctx.options;
      let qs;
      if (singleQuote === false)
        qs = doubleQuotedString;
      else {
        const hasDouble = value.includes('"');
        const hasSingle = value.includes("'");
        if (hasDouble && !hasSingle)
          qs = singleQuotedString;
        else if (hasSingle && !hasDouble)
          qs = doubleQuotedString;
        else
          qs = singleQuote ? singleQuotedString : doubleQuotedString;
      }
      return qs(value, ctx);
    }
    var blockEndNewlines;
    try {
      blockEndNewlines = new RegExp("(^|(?<!\n))\n+(?!\n|$)", "g");
    } catch {
      blockEndNewlines = /\n+(?!\n|$)/g;
    }
    function blockString({ comment, type, value }, ctx, onComment, onChompKeep) {
      const { blockQuote, commentString, lineWidth } = ctx.options;
      if (!blockQuote || /\n[\t ]+$/.test(value)) {
        return quotedString(value, ctx);
      }
      const indent = ctx.indent || (ctx.forceBlockIndent || containsDocumentMarker(value) ? "  " : "");
      const literal = blockQuote === "literal" ? true : blockQuote === "folded" || type === Scalar.Scalar.BLOCK_FOLDED ? false : type === Scalar.Scalar.BLOCK_LITERAL ? true : !lineLengthOverLimit(value, lineWidth, indent.length);
      if (!value)
        return literal ? "|\n" : ">\n";
      let chomp;
      let endStart;
      for (endStart = value.length; endStart > 0; --endStart) {
        const ch = value[endStart - 1];
        if (ch !== "\n" && ch !== "	" && ch !== " ")
          break;
      }
      let end = value.substring(endStart);
      const endNlPos = end.indexOf("\n");
      if (endNlPos === -1) {
        chomp = "-";
      } else if (value === end || endNlPos !== end.length - 1) {
        chomp = "+";
        if (onChompKeep)
          onChompKeep();
      } else {
        chomp = "";
      }
      if (end) {
        value = value.slice(0, -end.length);
        if (end[end.length - 1] === "\n")
          end = end.slice(0, -1);
        end = end.replace(blockEndNewlines, `$&${indent}`);
      }
      let startWithSpace = false;
      let startEnd;
      let startNlPos = -1;
      for (startEnd = 0; startEnd < value.length; ++startEnd) {
        const ch = value[startEnd];
        if (ch === " ")
          startWithSpace = true;
        else if (ch === "\n")
          startNlPos = startEnd;
        else
          break;
      }
      let start = value.substring(0, startNlPos < startEnd ? startNlPos + 1 : startEnd);
      if (start) {
        value = value.substring(start.length);
        start = start.replace(/\n+/g, `$&${indent}`);
      }
      const indentSize = indent ? "2" : "1";
      let header = (startWithSpace ? indentSize : "") + chomp;
      if (comment) {
        header += " " + commentString(comment.replace(/ ?[\r\n]+/g, " "));
        if (onComment)
          onComment();
      }
      if (!literal) {
        const foldedValue = value.replace(/\n+/g, "\n$&").replace(/(?:^|\n)([\t ].*)(?:([\n\t ]*)\n(?![\n\t ]))?/g, "$1$2").replace(/\n+/g, `$&${indent}`);
        let literalFallback = false;
        const foldOptions = getFoldOptions(ctx, true);
        if (blockQuote !== "folded" && type !== Scalar.Scalar.BLOCK_FOLDED) {
          foldOptions.onOverflow = () => {
            literalFallback = true;
          };
        }
        const body = foldFlowLines.foldFlowLines(`${start}${foldedValue}${end}`, indent, foldFlowLines.FOLD_BLOCK, foldOptions);
        if (!literalFallback)
          return `>${header}
${indent}${body}`;
      }
      value = value.replace(/\n+/g, `$&${indent}`);
      return `|${header}
${indent}${start}${value}${end}`;
    }
    function plainString(item, ctx, onComment, onChompKeep) {
      const { type, value } = item;
      const { actualString, implicitKey, indent, indentStep, inFlow } = ctx;
      if (implicitKey && value.includes("\n") || inFlow && /[[\]{},]/.test(value)) {
        return quotedString(value, ctx);
      }
      if (/^[\n\t ,[\]{}#&*!|>'"%@`]|^[?-]$|^[?-][ \t]|[\n:][ \t]|[ \t]\n|[\n\t ]#|[\n\t :]$/.test(value)) {
        return implicitKey || inFlow || !value.includes("\n") ? quotedString(value, ctx) : blockString(item, ctx, onComment, onChompKeep);
      }
      if (!implicitKey && !inFlow && type !== Scalar.Scalar.PLAIN && value.includes("\n")) {
        return blockString(item, ctx, onComment, onChompKeep);
      }
      if (containsDocumentMarker(value)) {
        if (indent === "") {
          ctx.forceBlockIndent = true;
          return blockString(item, ctx, onComment, onChompKeep);
        } else if (implicitKey && indent === indentStep) {
          return quotedString(value, ctx);
        }
      }
      const str = value.replace(/\n+/g, `$&
${indent}`);
      if (actualString) {
        const test = (tag) => tag.default && tag.tag !== "tag:yaml.org,2002:str" && tag.test?.test(str);
        const { compat, tags } = ctx.doc.schema;
        if (tags.some(test) || compat?.some(test))
          return quotedString(value, ctx);
      }
      return implicitKey ? str : foldFlowLines.foldFlowLines(str, indent, foldFlowLines.FOLD_FLOW, getFoldOptions(ctx, false));
    }
    function stringifyString(item, ctx, onComment, onChompKeep) {
      const { implicitKey, inFlow } = ctx;
      const ss = typeof item.value === "string" ? item : Object.assign({}, item, { value: String(item.value) });
      let { type } = item;
      if (type !== Scalar.Scalar.QUOTE_DOUBLE) {
        if (/[\x00-\x08\x0b-\x1f\x7f-\x9f\u{D800}-\u{DFFF}]/u.test(ss.value))
          type = Scalar.Scalar.QUOTE_DOUBLE;
      }
      const _stringify = (_type) => {
        switch (_type) {
          case Scalar.Scalar.BLOCK_FOLDED:
          case Scalar.Scalar.BLOCK_LITERAL:
            return implicitKey || inFlow ? quotedString(ss.value, ctx) : blockString(ss, ctx, onComment, onChompKeep);
          case Scalar.Scalar.QUOTE_DOUBLE:
            return doubleQuotedString(ss.value, ctx);
          case Scalar.Scalar.QUOTE_SINGLE:
            return singleQuotedString(ss.value, ctx);
          case Scalar.Scalar.PLAIN:
            return plainString(ss, ctx, onComment, onChompKeep);
          default:
            return null;
        }
      };
      let res = _stringify(type);
      if (res === null) {
        const { defaultKeyType, defaultStringType } = ctx.options;
        const t = implicitKey && defaultKeyType || defaultStringType;
        res = _stringify(t);
        if (res === null)
          throw new Error(`Unsupported default string type ${t}`);
      }
      return res;
    }
    exports.stringifyString = stringifyString;
  }
});

// node_modules/yaml/dist/stringify/stringify.js
var require_stringify = __commonJS({
  "node_modules/yaml/dist/stringify/stringify.js"(exports) {
    "use strict";
    var anchors = require_anchors();
    var identity = require_identity();
    var stringifyComment = require_stringifyComment();
    var stringifyString = require_stringifyString();
    function createStringifyContext(doc, options2) {
      const opt = Object.assign({
        blockQuote: true,
        commentString: stringifyComment.stringifyComment,
        defaultKeyType: null,
        defaultStringType: "PLAIN",
        directives: null,
        doubleQuotedAsJSON: false,
        doubleQuotedMinMultiLineLength: 40,
        falseStr: "false",
        flowCollectionPadding: true,
        indentSeq: true,
        lineWidth: 80,
        minContentWidth: 20,
        nullStr: "null",
        simpleKeys: false,
        singleQuote: null,
        trailingComma: false,
        trueStr: "true",
        verifyAliasOrder: true
      }, doc.schema.toStringOptions, options2);
      let inFlow;
      switch (opt.collectionStyle) {
        case "block":
          inFlow = false;
          break;
        case "flow":
          inFlow = true;
          break;
        default:
          inFlow = null;
      }
      return {
        anchors: /* @__PURE__ */ new Set(),
        doc,
        flowCollectionPadding: opt.flowCollectionPadding ? " " : "",
        indent: "",
        indentStep: typeof opt.indent === "number" ? " ".repeat(opt.indent) : "  ",
        inFlow,
        options: opt
      };
    }
    function getTagObject(tags, item) {
      if (item.tag) {
        const match = tags.filter((t) => t.tag === item.tag);
        if (match.length > 0)
          return match.find((t) => t.format === item.format) ?? match[0];
      }
      let tagObj = void 0;
      let obj;
      if (identity.isScalar(item)) {
        obj = item.value;
        let match = tags.filter((t) => t.identify?.(obj));
        if (match.length > 1) {
          const testMatch = match.filter((t) => t.test);
          if (testMatch.length > 0)
            match = testMatch;
        }
        tagObj = match.find((t) => t.format === item.format) ?? match.find((t) => !t.format);
      } else {
        obj = item;
        tagObj = tags.find((t) => t.nodeClass && obj instanceof t.nodeClass);
      }
      if (!tagObj) {
        const name = obj?.constructor?.name ?? (obj === null ? "null" : typeof obj);
        throw new Error(`Tag not resolved for ${name} value`);
      }
      return tagObj;
    }
    function stringifyProps(node, tagObj, { anchors: anchors$1, doc }) {
      if (!doc.directives)
        return "";
      const props = [];
      const anchor = (identity.isScalar(node) || identity.isCollection(node)) && node.anchor;
      if (anchor && anchors.anchorIsValid(anchor)) {
        anchors$1.add(anchor);
        props.push(`&${anchor}`);
      }
      const tag = node.tag ?? (tagObj.default ? null : tagObj.tag);
      if (tag)
        props.push(doc.directives.tagString(tag));
      return props.join(" ");
    }
    function stringify(item, ctx, onComment, onChompKeep) {
      if (identity.isPair(item))
        return item.toString(ctx, onComment, onChompKeep);
      if (identity.isAlias(item)) {
        if (ctx.doc.directives)
          return item.toString(ctx);
        if (ctx.resolvedAliases?.has(item)) {
          throw new TypeError(`Cannot stringify circular structure without alias nodes`);
        } else {
          if (ctx.resolvedAliases)
            ctx.resolvedAliases.add(item);
          else
            ctx.resolvedAliases = /* @__PURE__ */ new Set([item]);
          item = item.resolve(ctx.doc);
        }
      }
      let tagObj = void 0;
      const node = identity.isNode(item) ? item : ctx.doc.createNode(item, { onTagObj: (o) => tagObj = o });
      tagObj ?? (tagObj = getTagObject(ctx.doc.schema.tags, node));
      const props = stringifyProps(node, tagObj, ctx);
      if (props.length > 0)
        ctx.indentAtStart = (ctx.indentAtStart ?? 0) + props.length + 1;
      const str = typeof tagObj.stringify === "function" ? tagObj.stringify(node, ctx, onComment, onChompKeep) : identity.isScalar(node) ? stringifyString.stringifyString(node, ctx, onComment, onChompKeep) : node.toString(ctx, onComment, onChompKeep);
      if (!props)
        return str;
      return identity.isScalar(node) || str[0] === "{" || str[0] === "[" ? `${props} ${str}` : `${props}
${ctx.indent}${str}`;
    }
    exports.createStringifyContext = createStringifyContext;
    exports.stringify = stringify;
  }
});

// node_modules/yaml/dist/stringify/stringifyPair.js
var require_stringifyPair = __commonJS({
  "node_modules/yaml/dist/stringify/stringifyPair.js"(exports) {
    "use strict";
    var identity = require_identity();
    var Scalar = require_Scalar();
    var stringify = require_stringify();
    var stringifyComment = require_stringifyComment();
    function stringifyPair({ key, value }, ctx, onComment, onChompKeep) {
      const { allNullValues, doc, indent, indentStep, options: { commentString, indentSeq, simpleKeys } } = ctx;
      let keyComment = identity.isNode(key) && key.comment || null;
      if (simpleKeys) {
        if (keyComment) {
          throw new Error("With simple keys, key nodes cannot have comments");
        }
        if (identity.isCollection(key) || !identity.isNode(key) && typeof key === "object") {
          const msg = "With simple keys, collection cannot be used as a key value";
          throw new Error(msg);
        }
      }
      let explicitKey = !simpleKeys && (!key || keyComment && value == null && !ctx.inFlow || identity.isCollection(key) || (identity.isScalar(key) ? key.type === Scalar.Scalar.BLOCK_FOLDED || key.type === Scalar.Scalar.BLOCK_LITERAL : typeof key === "object"));
      ctx = Object.assign({}, ctx, {
        allNullValues: false,
        implicitKey: !explicitKey && (simpleKeys || !allNullValues),
        indent: indent + indentStep
      });
      let keyCommentDone = false;
      let chompKeep = false;
      let str = stringify.stringify(key, ctx, () => keyCommentDone = true, () => chompKeep = true);
      if (!explicitKey && !ctx.inFlow && str.length > 1024) {
        if (simpleKeys)
          throw new Error("With simple keys, single line scalar must not span more than 1024 characters");
        explicitKey = true;
      }
      if (ctx.inFlow) {
        if (allNullValues || value == null) {
          if (keyCommentDone && onComment)
            onComment();
          return str === "" ? "?" : explicitKey ? `? ${str}` : str;
        }
      } else if (allNullValues && !simpleKeys || value == null && explicitKey) {
        str = `? ${str}`;
        if (keyComment && !keyCommentDone) {
          str += stringifyComment.lineComment(str, ctx.indent, commentString(keyComment));
        } else if (chompKeep && onChompKeep)
          onChompKeep();
        return str;
      }
      if (keyCommentDone)
        keyComment = null;
      if (explicitKey) {
        if (keyComment)
          str += stringifyComment.lineComment(str, ctx.indent, commentString(keyComment));
        str = `? ${str}
${indent}:`;
      } else {
        str = `${str}:`;
        if (keyComment)
          str += stringifyComment.lineComment(str, ctx.indent, commentString(keyComment));
      }
      let vsb, vcb, valueComment;
      if (identity.isNode(value)) {
        vsb = !!value.spaceBefore;
        vcb = value.commentBefore;
        valueComment = value.comment;
      } else {
        vsb = false;
        vcb = null;
        valueComment = null;
        if (value && typeof value === "object")
          value = doc.createNode(value);
      }
      ctx.implicitKey = false;
      if (!explicitKey && !keyComment && identity.isScalar(value))
        ctx.indentAtStart = str.length + 1;
      chompKeep = false;
      if (!indentSeq && indentStep.length >= 2 && !ctx.inFlow && !explicitKey && identity.isSeq(value) && !value.flow && !value.tag && !value.anchor) {
        ctx.indent = ctx.indent.substring(2);
      }
      let valueCommentDone = false;
      const valueStr = stringify.stringify(value, ctx, () => valueCommentDone = true, () => chompKeep = true);
      let ws = " ";
      if (keyComment || vsb || vcb) {
        ws = vsb ? "\n" : "";
        if (vcb) {
          const cs = commentString(vcb);
          ws += `
${stringifyComment.indentComment(cs, ctx.indent)}`;
        }
        if (valueStr === "" && !ctx.inFlow) {
          if (ws === "\n" && valueComment)
            ws = "\n\n";
        } else {
          ws += `
${ctx.indent}`;
        }
      } else if (!explicitKey && identity.isCollection(value)) {
        const vs0 = valueStr[0];
        const nl0 = valueStr.indexOf("\n");
        const hasNewline = nl0 !== -1;
        const flow = ctx.inFlow ?? value.flow ?? value.items.length === 0;
        if (hasNewline || !flow) {
          let hasPropsLine = false;
          if (hasNewline && (vs0 === "&" || vs0 === "!")) {
            let sp0 = valueStr.indexOf(" ");
            if (vs0 === "&" && sp0 !== -1 && sp0 < nl0 && valueStr[sp0 + 1] === "!") {
              sp0 = valueStr.indexOf(" ", sp0 + 1);
            }
            if (sp0 === -1 || nl0 < sp0)
              hasPropsLine = true;
          }
          if (!hasPropsLine)
            ws = `
${ctx.indent}`;
        }
      } else if (valueStr === "" || valueStr[0] === "\n") {
        ws = "";
      }
      str += ws + valueStr;
      if (ctx.inFlow) {
        if (valueCommentDone && onComment)
          onComment();
      } else if (valueComment && !valueCommentDone) {
        str += stringifyComment.lineComment(str, ctx.indent, commentString(valueComment));
      } else if (chompKeep && onChompKeep) {
        onChompKeep();
      }
      return str;
    }
    exports.stringifyPair = stringifyPair;
  }
});

// node_modules/yaml/dist/log.js
var require_log = __commonJS({
  "node_modules/yaml/dist/log.js"(exports) {
    "use strict";
    var node_process = __require("process");
    function debug(logLevel, ...messages) {
      if (logLevel === "debug")
        console.log(...messages);
    }
    function warn(logLevel, warning) {
      if (logLevel === "debug" || logLevel === "warn") {
        if (typeof node_process.emitWarning === "function")
          node_process.emitWarning(warning);
        else
          console.warn(warning);
      }
    }
    exports.debug = debug;
    exports.warn = warn;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/merge.js
var require_merge = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/merge.js"(exports) {
    "use strict";
    var identity = require_identity();
    var Scalar = require_Scalar();
    var MERGE_KEY = "<<";
    var merge = {
      identify: (value) => value === MERGE_KEY || typeof value === "symbol" && value.description === MERGE_KEY,
      default: "key",
      tag: "tag:yaml.org,2002:merge",
      test: /^<<$/,
      resolve: () => Object.assign(new Scalar.Scalar(Symbol(MERGE_KEY)), {
        addToJSMap: addMergeToJSMap
      }),
      stringify: () => MERGE_KEY
    };
    var isMergeKey = (ctx, key) => (merge.identify(key) || identity.isScalar(key) && (!key.type || key.type === Scalar.Scalar.PLAIN) && merge.identify(key.value)) && ctx?.doc.schema.tags.some((tag) => tag.tag === merge.tag && tag.default);
    function addMergeToJSMap(ctx, map, value) {
      const source = resolveAliasValue(ctx, value);
      if (identity.isSeq(source))
        for (const it of source.items)
          mergeValue(ctx, map, it);
      else if (Array.isArray(source))
        for (const it of source)
          mergeValue(ctx, map, it);
      else
        mergeValue(ctx, map, source);
    }
    function mergeValue(ctx, map, value) {
      const source = resolveAliasValue(ctx, value);
      if (!identity.isMap(source))
        throw new Error("Merge sources must be maps or map aliases");
      const srcMap = source.toJSON(null, ctx, Map);
      for (const [key, value2] of srcMap) {
        if (map instanceof Map) {
          if (!map.has(key))
            map.set(key, value2);
        } else if (map instanceof Set) {
          map.add(key);
        } else if (!Object.prototype.hasOwnProperty.call(map, key)) {
          Object.defineProperty(map, key, {
            value: value2,
            writable: true,
            enumerable: true,
            configurable: true
          });
        }
      }
      return map;
    }
    function resolveAliasValue(ctx, value) {
      return ctx && identity.isAlias(value) ? value.resolve(ctx.doc, ctx) : value;
    }
    exports.addMergeToJSMap = addMergeToJSMap;
    exports.isMergeKey = isMergeKey;
    exports.merge = merge;
  }
});

// node_modules/yaml/dist/nodes/addPairToJSMap.js
var require_addPairToJSMap = __commonJS({
  "node_modules/yaml/dist/nodes/addPairToJSMap.js"(exports) {
    "use strict";
    var log = require_log();
    var merge = require_merge();
    var stringify = require_stringify();
    var identity = require_identity();
    var toJS = require_toJS();
    function addPairToJSMap(ctx, map, { key, value }) {
      if (identity.isNode(key) && key.addToJSMap)
        key.addToJSMap(ctx, map, value);
      else if (merge.isMergeKey(ctx, key))
        merge.addMergeToJSMap(ctx, map, value);
      else {
        const jsKey = toJS.toJS(key, "", ctx);
        if (map instanceof Map) {
          map.set(jsKey, toJS.toJS(value, jsKey, ctx));
        } else if (map instanceof Set) {
          map.add(jsKey);
        } else {
          const stringKey = stringifyKey(key, jsKey, ctx);
          const jsValue = toJS.toJS(value, stringKey, ctx);
          if (stringKey in map)
            Object.defineProperty(map, stringKey, {
              value: jsValue,
              writable: true,
              enumerable: true,
              configurable: true
            });
          else
            map[stringKey] = jsValue;
        }
      }
      return map;
    }
    function stringifyKey(key, jsKey, ctx) {
      if (jsKey === null)
        return "";
      if (typeof jsKey !== "object")
        return String(jsKey);
      if (identity.isNode(key) && ctx?.doc) {
        const strCtx = stringify.createStringifyContext(ctx.doc, {});
        strCtx.anchors = /* @__PURE__ */ new Set();
        for (const node of ctx.anchors.keys())
          strCtx.anchors.add(node.anchor);
        strCtx.inFlow = true;
        strCtx.inStringifyKey = true;
        const strKey = key.toString(strCtx);
        if (!ctx.mapKeyWarned) {
          let jsonStr = JSON.stringify(strKey);
          if (jsonStr.length > 40)
            jsonStr = jsonStr.substring(0, 36) + '..."';
          log.warn(ctx.doc.options.logLevel, `Keys with collection values will be stringified due to JS Object restrictions: ${jsonStr}. Set mapAsMap: true to use object keys.`);
          ctx.mapKeyWarned = true;
        }
        return strKey;
      }
      return JSON.stringify(jsKey);
    }
    exports.addPairToJSMap = addPairToJSMap;
  }
});

// node_modules/yaml/dist/nodes/Pair.js
var require_Pair = __commonJS({
  "node_modules/yaml/dist/nodes/Pair.js"(exports) {
    "use strict";
    var createNode = require_createNode();
    var stringifyPair = require_stringifyPair();
    var addPairToJSMap = require_addPairToJSMap();
    var identity = require_identity();
    function createPair(key, value, ctx) {
      const k = createNode.createNode(key, void 0, ctx);
      const v = createNode.createNode(value, void 0, ctx);
      return new Pair(k, v);
    }
    var Pair = class _Pair {
      constructor(key, value = null) {
        Object.defineProperty(this, identity.NODE_TYPE, { value: identity.PAIR });
        this.key = key;
        this.value = value;
      }
      clone(schema) {
        let { key, value } = this;
        if (identity.isNode(key))
          key = key.clone(schema);
        if (identity.isNode(value))
          value = value.clone(schema);
        return new _Pair(key, value);
      }
      toJSON(_, ctx) {
        const pair = ctx?.mapAsMap ? /* @__PURE__ */ new Map() : {};
        return addPairToJSMap.addPairToJSMap(ctx, pair, this);
      }
      toString(ctx, onComment, onChompKeep) {
        return ctx?.doc ? stringifyPair.stringifyPair(this, ctx, onComment, onChompKeep) : JSON.stringify(this);
      }
    };
    exports.Pair = Pair;
    exports.createPair = createPair;
  }
});

// node_modules/yaml/dist/stringify/stringifyCollection.js
var require_stringifyCollection = __commonJS({
  "node_modules/yaml/dist/stringify/stringifyCollection.js"(exports) {
    "use strict";
    var identity = require_identity();
    var stringify = require_stringify();
    var stringifyComment = require_stringifyComment();
    function stringifyCollection(collection, ctx, options2) {
      const flow = ctx.inFlow ?? collection.flow;
      const stringify2 = flow ? stringifyFlowCollection : stringifyBlockCollection;
      return stringify2(collection, ctx, options2);
    }
    function stringifyBlockCollection({ comment, items }, ctx, { blockItemPrefix, flowChars, itemIndent, onChompKeep, onComment }) {
      const { indent, options: { commentString } } = ctx;
      const itemCtx = Object.assign({}, ctx, { indent: itemIndent, type: null });
      let chompKeep = false;
      const lines = [];
      for (let i = 0; i < items.length; ++i) {
        const item = items[i];
        let comment2 = null;
        if (identity.isNode(item)) {
          if (!chompKeep && item.spaceBefore)
            lines.push("");
          addCommentBefore(ctx, lines, item.commentBefore, chompKeep);
          if (item.comment)
            comment2 = item.comment;
        } else if (identity.isPair(item)) {
          const ik = identity.isNode(item.key) ? item.key : null;
          if (ik) {
            if (!chompKeep && ik.spaceBefore)
              lines.push("");
            addCommentBefore(ctx, lines, ik.commentBefore, chompKeep);
          }
        }
        chompKeep = false;
        let str2 = stringify.stringify(item, itemCtx, () => comment2 = null, () => chompKeep = true);
        if (comment2)
          str2 += stringifyComment.lineComment(str2, itemIndent, commentString(comment2));
        if (chompKeep && comment2)
          chompKeep = false;
        lines.push(blockItemPrefix + str2);
      }
      let str;
      if (lines.length === 0) {
        str = flowChars.start + flowChars.end;
      } else {
        str = lines[0];
        for (let i = 1; i < lines.length; ++i) {
          const line = lines[i];
          str += line ? `
${indent}${line}` : "\n";
        }
      }
      if (comment) {
        str += "\n" + stringifyComment.indentComment(commentString(comment), indent);
        if (onComment)
          onComment();
      } else if (chompKeep && onChompKeep)
        onChompKeep();
      return str;
    }
    function stringifyFlowCollection({ items }, ctx, { flowChars, itemIndent }) {
      const { indent, indentStep, flowCollectionPadding: fcPadding, options: { commentString } } = ctx;
      itemIndent += indentStep;
      const itemCtx = Object.assign({}, ctx, {
        indent: itemIndent,
        inFlow: true,
        type: null
      });
      let reqNewline = false;
      let linesAtValue = 0;
      const lines = [];
      for (let i = 0; i < items.length; ++i) {
        const item = items[i];
        let comment = null;
        if (identity.isNode(item)) {
          if (item.spaceBefore)
            lines.push("");
          addCommentBefore(ctx, lines, item.commentBefore, false);
          if (item.comment)
            comment = item.comment;
        } else if (identity.isPair(item)) {
          const ik = identity.isNode(item.key) ? item.key : null;
          if (ik) {
            if (ik.spaceBefore)
              lines.push("");
            addCommentBefore(ctx, lines, ik.commentBefore, false);
            if (ik.comment)
              reqNewline = true;
          }
          const iv = identity.isNode(item.value) ? item.value : null;
          if (iv) {
            if (iv.comment)
              comment = iv.comment;
            if (iv.commentBefore)
              reqNewline = true;
          } else if (item.value == null && ik?.comment) {
            comment = ik.comment;
          }
        }
        if (comment)
          reqNewline = true;
        let str = stringify.stringify(item, itemCtx, () => comment = null);
        reqNewline || (reqNewline = lines.length > linesAtValue || str.includes("\n"));
        if (i < items.length - 1) {
          str += ",";
        } else if (ctx.options.trailingComma) {
          if (ctx.options.lineWidth > 0) {
            reqNewline || (reqNewline = lines.reduce((sum, line) => sum + line.length + 2, 2) + (str.length + 2) > ctx.options.lineWidth);
          }
          if (reqNewline) {
            str += ",";
          }
        }
        if (comment)
          str += stringifyComment.lineComment(str, itemIndent, commentString(comment));
        lines.push(str);
        linesAtValue = lines.length;
      }
      const { start, end } = flowChars;
      if (lines.length === 0) {
        return start + end;
      } else {
        if (!reqNewline) {
          const len = lines.reduce((sum, line) => sum + line.length + 2, 2);
          reqNewline = ctx.options.lineWidth > 0 && len > ctx.options.lineWidth;
        }
        if (reqNewline) {
          let str = start;
          for (const line of lines)
            str += line ? `
${indentStep}${indent}${line}` : "\n";
          return `${str}
${indent}${end}`;
        } else {
          return `${start}${fcPadding}${lines.join(" ")}${fcPadding}${end}`;
        }
      }
    }
    function addCommentBefore({ indent, options: { commentString } }, lines, comment, chompKeep) {
      if (comment && chompKeep)
        comment = comment.replace(/^\n+/, "");
      if (comment) {
        const ic = stringifyComment.indentComment(commentString(comment), indent);
        lines.push(ic.trimStart());
      }
    }
    exports.stringifyCollection = stringifyCollection;
  }
});

// node_modules/yaml/dist/nodes/YAMLMap.js
var require_YAMLMap = __commonJS({
  "node_modules/yaml/dist/nodes/YAMLMap.js"(exports) {
    "use strict";
    var stringifyCollection = require_stringifyCollection();
    var addPairToJSMap = require_addPairToJSMap();
    var Collection = require_Collection();
    var identity = require_identity();
    var Pair = require_Pair();
    var Scalar = require_Scalar();
    function findPair(items, key) {
      const k = identity.isScalar(key) ? key.value : key;
      for (const it of items) {
        if (identity.isPair(it)) {
          if (it.key === key || it.key === k)
            return it;
          if (identity.isScalar(it.key) && it.key.value === k)
            return it;
        }
      }
      return void 0;
    }
    var YAMLMap = class extends Collection.Collection {
      static get tagName() {
        return "tag:yaml.org,2002:map";
      }
      constructor(schema) {
        super(identity.MAP, schema);
        this.items = [];
      }
      /**
       * A generic collection parsing method that can be extended
       * to other node classes that inherit from YAMLMap
       */
      static from(schema, obj, ctx) {
        const { keepUndefined, replacer } = ctx;
        const map = new this(schema);
        const add2 = (key, value) => {
          if (typeof replacer === "function")
            value = replacer.call(obj, key, value);
          else if (Array.isArray(replacer) && !replacer.includes(key))
            return;
          if (value !== void 0 || keepUndefined)
            map.items.push(Pair.createPair(key, value, ctx));
        };
        if (obj instanceof Map) {
          for (const [key, value] of obj)
            add2(key, value);
        } else if (obj && typeof obj === "object") {
          for (const key of Object.keys(obj))
            add2(key, obj[key]);
        }
        if (typeof schema.sortMapEntries === "function") {
          map.items.sort(schema.sortMapEntries);
        }
        return map;
      }
      /**
       * Adds a value to the collection.
       *
       * @param overwrite - If not set `true`, using a key that is already in the
       *   collection will throw. Otherwise, overwrites the previous value.
       */
      add(pair, overwrite) {
        let _pair;
        if (identity.isPair(pair))
          _pair = pair;
        else if (!pair || typeof pair !== "object" || !("key" in pair)) {
          _pair = new Pair.Pair(pair, pair?.value);
        } else
          _pair = new Pair.Pair(pair.key, pair.value);
        const prev = findPair(this.items, _pair.key);
        const sortEntries = this.schema?.sortMapEntries;
        if (prev) {
          if (!overwrite)
            throw new Error(`Key ${_pair.key} already set`);
          if (identity.isScalar(prev.value) && Scalar.isScalarValue(_pair.value))
            prev.value.value = _pair.value;
          else
            prev.value = _pair.value;
        } else if (sortEntries) {
          const i = this.items.findIndex((item) => sortEntries(_pair, item) < 0);
          if (i === -1)
            this.items.push(_pair);
          else
            this.items.splice(i, 0, _pair);
        } else {
          this.items.push(_pair);
        }
      }
      delete(key) {
        const it = findPair(this.items, key);
        if (!it)
          return false;
        const del = this.items.splice(this.items.indexOf(it), 1);
        return del.length > 0;
      }
      get(key, keepScalar) {
        const it = findPair(this.items, key);
        const node = it?.value;
        return (!keepScalar && identity.isScalar(node) ? node.value : node) ?? void 0;
      }
      has(key) {
        return !!findPair(this.items, key);
      }
      set(key, value) {
        this.add(new Pair.Pair(key, value), true);
      }
      /**
       * @param ctx - Conversion context, originally set in Document#toJS()
       * @param {Class} Type - If set, forces the returned collection type
       * @returns Instance of Type, Map, or Object
       */
      toJSON(_, ctx, Type) {
        const map = Type ? new Type() : ctx?.mapAsMap ? /* @__PURE__ */ new Map() : {};
        if (ctx?.onCreate)
          ctx.onCreate(map);
        for (const item of this.items)
          addPairToJSMap.addPairToJSMap(ctx, map, item);
        return map;
      }
      toString(ctx, onComment, onChompKeep) {
        if (!ctx)
          return JSON.stringify(this);
        for (const item of this.items) {
          if (!identity.isPair(item))
            throw new Error(`Map items must all be pairs; found ${JSON.stringify(item)} instead`);
        }
        if (!ctx.allNullValues && this.hasAllNullValues(false))
          ctx = Object.assign({}, ctx, { allNullValues: true });
        return stringifyCollection.stringifyCollection(this, ctx, {
          blockItemPrefix: "",
          flowChars: { start: "{", end: "}" },
          itemIndent: ctx.indent || "",
          onChompKeep,
          onComment
        });
      }
    };
    exports.YAMLMap = YAMLMap;
    exports.findPair = findPair;
  }
});

// node_modules/yaml/dist/schema/common/map.js
var require_map = __commonJS({
  "node_modules/yaml/dist/schema/common/map.js"(exports) {
    "use strict";
    var identity = require_identity();
    var YAMLMap = require_YAMLMap();
    var map = {
      collection: "map",
      default: true,
      nodeClass: YAMLMap.YAMLMap,
      tag: "tag:yaml.org,2002:map",
      resolve(map2, onError) {
        if (!identity.isMap(map2))
          onError("Expected a mapping for this tag");
        return map2;
      },
      createNode: (schema, obj, ctx) => YAMLMap.YAMLMap.from(schema, obj, ctx)
    };
    exports.map = map;
  }
});

// node_modules/yaml/dist/nodes/YAMLSeq.js
var require_YAMLSeq = __commonJS({
  "node_modules/yaml/dist/nodes/YAMLSeq.js"(exports) {
    "use strict";
    var createNode = require_createNode();
    var stringifyCollection = require_stringifyCollection();
    var Collection = require_Collection();
    var identity = require_identity();
    var Scalar = require_Scalar();
    var toJS = require_toJS();
    var YAMLSeq = class extends Collection.Collection {
      static get tagName() {
        return "tag:yaml.org,2002:seq";
      }
      constructor(schema) {
        super(identity.SEQ, schema);
        this.items = [];
      }
      add(value) {
        this.items.push(value);
      }
      /**
       * Removes a value from the collection.
       *
       * `key` must contain a representation of an integer for this to succeed.
       * It may be wrapped in a `Scalar`.
       *
       * @returns `true` if the item was found and removed.
       */
      delete(key) {
        const idx = asItemIndex(key);
        if (typeof idx !== "number")
          return false;
        const del = this.items.splice(idx, 1);
        return del.length > 0;
      }
      get(key, keepScalar) {
        const idx = asItemIndex(key);
        if (typeof idx !== "number")
          return void 0;
        const it = this.items[idx];
        return !keepScalar && identity.isScalar(it) ? it.value : it;
      }
      /**
       * Checks if the collection includes a value with the key `key`.
       *
       * `key` must contain a representation of an integer for this to succeed.
       * It may be wrapped in a `Scalar`.
       */
      has(key) {
        const idx = asItemIndex(key);
        return typeof idx === "number" && idx < this.items.length;
      }
      /**
       * Sets a value in this collection. For `!!set`, `value` needs to be a
       * boolean to add/remove the item from the set.
       *
       * If `key` does not contain a representation of an integer, this will throw.
       * It may be wrapped in a `Scalar`.
       */
      set(key, value) {
        const idx = asItemIndex(key);
        if (typeof idx !== "number")
          throw new Error(`Expected a valid index, not ${key}.`);
        const prev = this.items[idx];
        if (identity.isScalar(prev) && Scalar.isScalarValue(value))
          prev.value = value;
        else
          this.items[idx] = value;
      }
      toJSON(_, ctx) {
        const seq = [];
        if (ctx?.onCreate)
          ctx.onCreate(seq);
        let i = 0;
        for (const item of this.items)
          seq.push(toJS.toJS(item, String(i++), ctx));
        return seq;
      }
      toString(ctx, onComment, onChompKeep) {
        if (!ctx)
          return JSON.stringify(this);
        return stringifyCollection.stringifyCollection(this, ctx, {
          blockItemPrefix: "- ",
          flowChars: { start: "[", end: "]" },
          itemIndent: (ctx.indent || "") + "  ",
          onChompKeep,
          onComment
        });
      }
      static from(schema, obj, ctx) {
        const { replacer } = ctx;
        const seq = new this(schema);
        if (obj && Symbol.iterator in Object(obj)) {
          let i = 0;
          for (let it of obj) {
            if (typeof replacer === "function") {
              const key = obj instanceof Set ? it : String(i++);
              it = replacer.call(obj, key, it);
            }
            seq.items.push(createNode.createNode(it, void 0, ctx));
          }
        }
        return seq;
      }
    };
    function asItemIndex(key) {
      let idx = identity.isScalar(key) ? key.value : key;
      if (idx && typeof idx === "string")
        idx = Number(idx);
      return typeof idx === "number" && Number.isInteger(idx) && idx >= 0 ? idx : null;
    }
    exports.YAMLSeq = YAMLSeq;
  }
});

// node_modules/yaml/dist/schema/common/seq.js
var require_seq = __commonJS({
  "node_modules/yaml/dist/schema/common/seq.js"(exports) {
    "use strict";
    var identity = require_identity();
    var YAMLSeq = require_YAMLSeq();
    var seq = {
      collection: "seq",
      default: true,
      nodeClass: YAMLSeq.YAMLSeq,
      tag: "tag:yaml.org,2002:seq",
      resolve(seq2, onError) {
        if (!identity.isSeq(seq2))
          onError("Expected a sequence for this tag");
        return seq2;
      },
      createNode: (schema, obj, ctx) => YAMLSeq.YAMLSeq.from(schema, obj, ctx)
    };
    exports.seq = seq;
  }
});

// node_modules/yaml/dist/schema/common/string.js
var require_string = __commonJS({
  "node_modules/yaml/dist/schema/common/string.js"(exports) {
    "use strict";
    var stringifyString = require_stringifyString();
    var string = {
      identify: (value) => typeof value === "string",
      default: true,
      tag: "tag:yaml.org,2002:str",
      resolve: (str) => str,
      stringify(item, ctx, onComment, onChompKeep) {
        ctx = Object.assign({ actualString: true }, ctx);
        return stringifyString.stringifyString(item, ctx, onComment, onChompKeep);
      }
    };
    exports.string = string;
  }
});

// node_modules/yaml/dist/schema/common/null.js
var require_null = __commonJS({
  "node_modules/yaml/dist/schema/common/null.js"(exports) {
    "use strict";
    var Scalar = require_Scalar();
    var nullTag = {
      identify: (value) => value == null,
      createNode: () => new Scalar.Scalar(null),
      default: true,
      tag: "tag:yaml.org,2002:null",
      test: /^(?:~|[Nn]ull|NULL)?$/,
      resolve: () => new Scalar.Scalar(null),
      stringify: ({ source }, ctx) => typeof source === "string" && nullTag.test.test(source) ? source : ctx.options.nullStr
    };
    exports.nullTag = nullTag;
  }
});

// node_modules/yaml/dist/schema/core/bool.js
var require_bool = __commonJS({
  "node_modules/yaml/dist/schema/core/bool.js"(exports) {
    "use strict";
    var Scalar = require_Scalar();
    var boolTag = {
      identify: (value) => typeof value === "boolean",
      default: true,
      tag: "tag:yaml.org,2002:bool",
      test: /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/,
      resolve: (str) => new Scalar.Scalar(str[0] === "t" || str[0] === "T"),
      stringify({ source, value }, ctx) {
        if (source && boolTag.test.test(source)) {
          const sv = source[0] === "t" || source[0] === "T";
          if (value === sv)
            return source;
        }
        return value ? ctx.options.trueStr : ctx.options.falseStr;
      }
    };
    exports.boolTag = boolTag;
  }
});

// node_modules/yaml/dist/stringify/stringifyNumber.js
var require_stringifyNumber = __commonJS({
  "node_modules/yaml/dist/stringify/stringifyNumber.js"(exports) {
    "use strict";
    function stringifyNumber({ format, minFractionDigits, tag, value }) {
      if (typeof value === "bigint")
        return String(value);
      const num = typeof value === "number" ? value : Number(value);
      if (!isFinite(num))
        return isNaN(num) ? ".nan" : num < 0 ? "-.inf" : ".inf";
      let n = Object.is(value, -0) ? "-0" : JSON.stringify(value);
      if (!format && minFractionDigits && (!tag || tag === "tag:yaml.org,2002:float") && /^-?\d/.test(n) && !n.includes("e")) {
        let i = n.indexOf(".");
        if (i < 0) {
          i = n.length;
          n += ".";
        }
        let d = minFractionDigits - (n.length - i - 1);
        while (d-- > 0)
          n += "0";
      }
      return n;
    }
    exports.stringifyNumber = stringifyNumber;
  }
});

// node_modules/yaml/dist/schema/core/float.js
var require_float = __commonJS({
  "node_modules/yaml/dist/schema/core/float.js"(exports) {
    "use strict";
    var Scalar = require_Scalar();
    var stringifyNumber = require_stringifyNumber();
    var floatNaN = {
      identify: (value) => typeof value === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      test: /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/,
      resolve: (str) => str.slice(-3).toLowerCase() === "nan" ? NaN : str[0] === "-" ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY,
      stringify: stringifyNumber.stringifyNumber
    };
    var floatExp = {
      identify: (value) => typeof value === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      format: "EXP",
      test: /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/,
      resolve: (str) => parseFloat(str),
      stringify(node) {
        const num = Number(node.value);
        return isFinite(num) ? num.toExponential() : stringifyNumber.stringifyNumber(node);
      }
    };
    var float = {
      identify: (value) => typeof value === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      test: /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/,
      resolve(str) {
        const node = new Scalar.Scalar(parseFloat(str));
        const dot = str.indexOf(".");
        if (dot !== -1 && str[str.length - 1] === "0")
          node.minFractionDigits = str.length - dot - 1;
        return node;
      },
      stringify: stringifyNumber.stringifyNumber
    };
    exports.float = float;
    exports.floatExp = floatExp;
    exports.floatNaN = floatNaN;
  }
});

// node_modules/yaml/dist/schema/core/int.js
var require_int = __commonJS({
  "node_modules/yaml/dist/schema/core/int.js"(exports) {
    "use strict";
    var stringifyNumber = require_stringifyNumber();
    var intIdentify = (value) => typeof value === "bigint" || Number.isInteger(value);
    var intResolve = (str, offset, radix, { intAsBigInt }) => intAsBigInt ? BigInt(str) : parseInt(str.substring(offset), radix);
    function intStringify(node, radix, prefix) {
      const { value } = node;
      if (intIdentify(value) && value >= 0)
        return prefix + value.toString(radix);
      return stringifyNumber.stringifyNumber(node);
    }
    var intOct = {
      identify: (value) => intIdentify(value) && value >= 0,
      default: true,
      tag: "tag:yaml.org,2002:int",
      format: "OCT",
      test: /^0o[0-7]+$/,
      resolve: (str, _onError, opt) => intResolve(str, 2, 8, opt),
      stringify: (node) => intStringify(node, 8, "0o")
    };
    var int = {
      identify: intIdentify,
      default: true,
      tag: "tag:yaml.org,2002:int",
      test: /^[-+]?[0-9]+$/,
      resolve: (str, _onError, opt) => intResolve(str, 0, 10, opt),
      stringify: stringifyNumber.stringifyNumber
    };
    var intHex = {
      identify: (value) => intIdentify(value) && value >= 0,
      default: true,
      tag: "tag:yaml.org,2002:int",
      format: "HEX",
      test: /^0x[0-9a-fA-F]+$/,
      resolve: (str, _onError, opt) => intResolve(str, 2, 16, opt),
      stringify: (node) => intStringify(node, 16, "0x")
    };
    exports.int = int;
    exports.intHex = intHex;
    exports.intOct = intOct;
  }
});

// node_modules/yaml/dist/schema/core/schema.js
var require_schema = __commonJS({
  "node_modules/yaml/dist/schema/core/schema.js"(exports) {
    "use strict";
    var map = require_map();
    var _null = require_null();
    var seq = require_seq();
    var string = require_string();
    var bool = require_bool();
    var float = require_float();
    var int = require_int();
    var schema = [
      map.map,
      seq.seq,
      string.string,
      _null.nullTag,
      bool.boolTag,
      int.intOct,
      int.int,
      int.intHex,
      float.floatNaN,
      float.floatExp,
      float.float
    ];
    exports.schema = schema;
  }
});

// node_modules/yaml/dist/schema/json/schema.js
var require_schema2 = __commonJS({
  "node_modules/yaml/dist/schema/json/schema.js"(exports) {
    "use strict";
    var Scalar = require_Scalar();
    var map = require_map();
    var seq = require_seq();
    function intIdentify(value) {
      return typeof value === "bigint" || Number.isInteger(value);
    }
    var stringifyJSON = ({ value }) => JSON.stringify(value);
    var jsonScalars = [
      {
        identify: (value) => typeof value === "string",
        default: true,
        tag: "tag:yaml.org,2002:str",
        resolve: (str) => str,
        stringify: stringifyJSON
      },
      {
        identify: (value) => value == null,
        createNode: () => new Scalar.Scalar(null),
        default: true,
        tag: "tag:yaml.org,2002:null",
        test: /^null$/,
        resolve: () => null,
        stringify: stringifyJSON
      },
      {
        identify: (value) => typeof value === "boolean",
        default: true,
        tag: "tag:yaml.org,2002:bool",
        test: /^true$|^false$/,
        resolve: (str) => str === "true",
        stringify: stringifyJSON
      },
      {
        identify: intIdentify,
        default: true,
        tag: "tag:yaml.org,2002:int",
        test: /^-?(?:0|[1-9][0-9]*)$/,
        resolve: (str, _onError, { intAsBigInt }) => intAsBigInt ? BigInt(str) : parseInt(str, 10),
        stringify: ({ value }) => intIdentify(value) ? value.toString() : JSON.stringify(value)
      },
      {
        identify: (value) => typeof value === "number",
        default: true,
        tag: "tag:yaml.org,2002:float",
        test: /^-?(?:0|[1-9][0-9]*)(?:\.[0-9]*)?(?:[eE][-+]?[0-9]+)?$/,
        resolve: (str) => parseFloat(str),
        stringify: stringifyJSON
      }
    ];
    var jsonError = {
      default: true,
      tag: "",
      test: /^/,
      resolve(str, onError) {
        onError(`Unresolved plain scalar ${JSON.stringify(str)}`);
        return str;
      }
    };
    var schema = [map.map, seq.seq].concat(jsonScalars, jsonError);
    exports.schema = schema;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/binary.js
var require_binary = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/binary.js"(exports) {
    "use strict";
    var node_buffer = __require("buffer");
    var Scalar = require_Scalar();
    var stringifyString = require_stringifyString();
    var binary = {
      identify: (value) => value instanceof Uint8Array,
      // Buffer inherits from Uint8Array
      default: false,
      tag: "tag:yaml.org,2002:binary",
      /**
       * Returns a Buffer in node and an Uint8Array in browsers
       *
       * To use the resulting buffer as an image, you'll want to do something like:
       *
       *   const blob = new Blob([buffer], { type: 'image/jpeg' })
       *   document.querySelector('#photo').src = URL.createObjectURL(blob)
       */
      resolve(src, onError) {
        if (typeof node_buffer.Buffer === "function") {
          return node_buffer.Buffer.from(src, "base64");
        } else if (typeof atob === "function") {
          const str = atob(src.replace(/[\n\r]/g, ""));
          const buffer = new Uint8Array(str.length);
          for (let i = 0; i < str.length; ++i)
            buffer[i] = str.charCodeAt(i);
          return buffer;
        } else {
          onError("This environment does not support reading binary tags; either Buffer or atob is required");
          return src;
        }
      },
      stringify({ comment, type, value }, ctx, onComment, onChompKeep) {
        if (!value)
          return "";
        const buf = value;
        let str;
        if (typeof node_buffer.Buffer === "function") {
          str = buf instanceof node_buffer.Buffer ? buf.toString("base64") : node_buffer.Buffer.from(buf.buffer).toString("base64");
        } else if (typeof btoa === "function") {
          let s = "";
          for (let i = 0; i < buf.length; ++i)
            s += String.fromCharCode(buf[i]);
          str = btoa(s);
        } else {
          throw new Error("This environment does not support writing binary tags; either Buffer or btoa is required");
        }
        type ?? (type = Scalar.Scalar.BLOCK_LITERAL);
        if (type !== Scalar.Scalar.QUOTE_DOUBLE) {
          const lineWidth = Math.max(ctx.options.lineWidth - ctx.indent.length, ctx.options.minContentWidth);
          const n = Math.ceil(str.length / lineWidth);
          const lines = new Array(n);
          for (let i = 0, o = 0; i < n; ++i, o += lineWidth) {
            lines[i] = str.substr(o, lineWidth);
          }
          str = lines.join(type === Scalar.Scalar.BLOCK_LITERAL ? "\n" : " ");
        }
        return stringifyString.stringifyString({ comment, type, value: str }, ctx, onComment, onChompKeep);
      }
    };
    exports.binary = binary;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/pairs.js
var require_pairs = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/pairs.js"(exports) {
    "use strict";
    var identity = require_identity();
    var Pair = require_Pair();
    var Scalar = require_Scalar();
    var YAMLSeq = require_YAMLSeq();
    function resolvePairs(seq, onError) {
      if (identity.isSeq(seq)) {
        for (let i = 0; i < seq.items.length; ++i) {
          let item = seq.items[i];
          if (identity.isPair(item))
            continue;
          else if (identity.isMap(item)) {
            if (item.items.length > 1)
              onError("Each pair must have its own sequence indicator");
            const pair = item.items[0] || new Pair.Pair(new Scalar.Scalar(null));
            if (item.commentBefore)
              pair.key.commentBefore = pair.key.commentBefore ? `${item.commentBefore}
${pair.key.commentBefore}` : item.commentBefore;
            if (item.comment) {
              const cn = pair.value ?? pair.key;
              cn.comment = cn.comment ? `${item.comment}
${cn.comment}` : item.comment;
            }
            item = pair;
          }
          seq.items[i] = identity.isPair(item) ? item : new Pair.Pair(item);
        }
      } else
        onError("Expected a sequence for this tag");
      return seq;
    }
    function createPairs(schema, iterable, ctx) {
      const { replacer } = ctx;
      const pairs2 = new YAMLSeq.YAMLSeq(schema);
      pairs2.tag = "tag:yaml.org,2002:pairs";
      let i = 0;
      if (iterable && Symbol.iterator in Object(iterable))
        for (let it of iterable) {
          if (typeof replacer === "function")
            it = replacer.call(iterable, String(i++), it);
          let key, value;
          if (Array.isArray(it)) {
            if (it.length === 2) {
              key = it[0];
              value = it[1];
            } else
              throw new TypeError(`Expected [key, value] tuple: ${it}`);
          } else if (it && it instanceof Object) {
            const keys = Object.keys(it);
            if (keys.length === 1) {
              key = keys[0];
              value = it[key];
            } else {
              throw new TypeError(`Expected tuple with one key, not ${keys.length} keys`);
            }
          } else {
            key = it;
          }
          pairs2.items.push(Pair.createPair(key, value, ctx));
        }
      return pairs2;
    }
    var pairs = {
      collection: "seq",
      default: false,
      tag: "tag:yaml.org,2002:pairs",
      resolve: resolvePairs,
      createNode: createPairs
    };
    exports.createPairs = createPairs;
    exports.pairs = pairs;
    exports.resolvePairs = resolvePairs;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/omap.js
var require_omap = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/omap.js"(exports) {
    "use strict";
    var identity = require_identity();
    var toJS = require_toJS();
    var YAMLMap = require_YAMLMap();
    var YAMLSeq = require_YAMLSeq();
    var pairs = require_pairs();
    var YAMLOMap = class _YAMLOMap extends YAMLSeq.YAMLSeq {
      constructor() {
        super();
        this.add = YAMLMap.YAMLMap.prototype.add.bind(this);
        this.delete = YAMLMap.YAMLMap.prototype.delete.bind(this);
        this.get = YAMLMap.YAMLMap.prototype.get.bind(this);
        this.has = YAMLMap.YAMLMap.prototype.has.bind(this);
        this.set = YAMLMap.YAMLMap.prototype.set.bind(this);
        this.tag = _YAMLOMap.tag;
      }
      /**
       * If `ctx` is given, the return type is actually `Map<unknown, unknown>`,
       * but TypeScript won't allow widening the signature of a child method.
       */
      toJSON(_, ctx) {
        if (!ctx)
          return super.toJSON(_);
        const map = /* @__PURE__ */ new Map();
        if (ctx?.onCreate)
          ctx.onCreate(map);
        for (const pair of this.items) {
          let key, value;
          if (identity.isPair(pair)) {
            key = toJS.toJS(pair.key, "", ctx);
            value = toJS.toJS(pair.value, key, ctx);
          } else {
            key = toJS.toJS(pair, "", ctx);
          }
          if (map.has(key))
            throw new Error("Ordered maps must not include duplicate keys");
          map.set(key, value);
        }
        return map;
      }
      static from(schema, iterable, ctx) {
        const pairs$1 = pairs.createPairs(schema, iterable, ctx);
        const omap2 = new this();
        omap2.items = pairs$1.items;
        return omap2;
      }
    };
    YAMLOMap.tag = "tag:yaml.org,2002:omap";
    var omap = {
      collection: "seq",
      identify: (value) => value instanceof Map,
      nodeClass: YAMLOMap,
      default: false,
      tag: "tag:yaml.org,2002:omap",
      resolve(seq, onError) {
        const pairs$1 = pairs.resolvePairs(seq, onError);
        const seenKeys = [];
        for (const { key } of pairs$1.items) {
          if (identity.isScalar(key)) {
            if (seenKeys.includes(key.value)) {
              onError(`Ordered maps must not include duplicate keys: ${key.value}`);
            } else {
              seenKeys.push(key.value);
            }
          }
        }
        return Object.assign(new YAMLOMap(), pairs$1);
      },
      createNode: (schema, iterable, ctx) => YAMLOMap.from(schema, iterable, ctx)
    };
    exports.YAMLOMap = YAMLOMap;
    exports.omap = omap;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/bool.js
var require_bool2 = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/bool.js"(exports) {
    "use strict";
    var Scalar = require_Scalar();
    function boolStringify({ value, source }, ctx) {
      const boolObj = value ? trueTag : falseTag;
      if (source && boolObj.test.test(source))
        return source;
      return value ? ctx.options.trueStr : ctx.options.falseStr;
    }
    var trueTag = {
      identify: (value) => value === true,
      default: true,
      tag: "tag:yaml.org,2002:bool",
      test: /^(?:Y|y|[Yy]es|YES|[Tt]rue|TRUE|[Oo]n|ON)$/,
      resolve: () => new Scalar.Scalar(true),
      stringify: boolStringify
    };
    var falseTag = {
      identify: (value) => value === false,
      default: true,
      tag: "tag:yaml.org,2002:bool",
      test: /^(?:N|n|[Nn]o|NO|[Ff]alse|FALSE|[Oo]ff|OFF)$/,
      resolve: () => new Scalar.Scalar(false),
      stringify: boolStringify
    };
    exports.falseTag = falseTag;
    exports.trueTag = trueTag;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/float.js
var require_float2 = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/float.js"(exports) {
    "use strict";
    var Scalar = require_Scalar();
    var stringifyNumber = require_stringifyNumber();
    var floatNaN = {
      identify: (value) => typeof value === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      test: /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/,
      resolve: (str) => str.slice(-3).toLowerCase() === "nan" ? NaN : str[0] === "-" ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY,
      stringify: stringifyNumber.stringifyNumber
    };
    var floatExp = {
      identify: (value) => typeof value === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      format: "EXP",
      test: /^[-+]?(?:[0-9][0-9_]*)?(?:\.[0-9_]*)?[eE][-+]?[0-9]+$/,
      resolve: (str) => parseFloat(str.replace(/_/g, "")),
      stringify(node) {
        const num = Number(node.value);
        return isFinite(num) ? num.toExponential() : stringifyNumber.stringifyNumber(node);
      }
    };
    var float = {
      identify: (value) => typeof value === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      test: /^[-+]?(?:[0-9][0-9_]*)?\.[0-9_]*$/,
      resolve(str) {
        const node = new Scalar.Scalar(parseFloat(str.replace(/_/g, "")));
        const dot = str.indexOf(".");
        if (dot !== -1) {
          const f = str.substring(dot + 1).replace(/_/g, "");
          if (f[f.length - 1] === "0")
            node.minFractionDigits = f.length;
        }
        return node;
      },
      stringify: stringifyNumber.stringifyNumber
    };
    exports.float = float;
    exports.floatExp = floatExp;
    exports.floatNaN = floatNaN;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/int.js
var require_int2 = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/int.js"(exports) {
    "use strict";
    var stringifyNumber = require_stringifyNumber();
    var intIdentify = (value) => typeof value === "bigint" || Number.isInteger(value);
    function intResolve(str, offset, radix, { intAsBigInt }) {
      const sign2 = str[0];
      if (sign2 === "-" || sign2 === "+")
        offset += 1;
      str = str.substring(offset).replace(/_/g, "");
      if (intAsBigInt) {
        switch (radix) {
          case 2:
            str = `0b${str}`;
            break;
          case 8:
            str = `0o${str}`;
            break;
          case 16:
            str = `0x${str}`;
            break;
        }
        const n2 = BigInt(str);
        return sign2 === "-" ? BigInt(-1) * n2 : n2;
      }
      const n = parseInt(str, radix);
      return sign2 === "-" ? -1 * n : n;
    }
    function intStringify(node, radix, prefix) {
      const { value } = node;
      if (intIdentify(value)) {
        const str = value.toString(radix);
        return value < 0 ? "-" + prefix + str.substr(1) : prefix + str;
      }
      return stringifyNumber.stringifyNumber(node);
    }
    var intBin = {
      identify: intIdentify,
      default: true,
      tag: "tag:yaml.org,2002:int",
      format: "BIN",
      test: /^[-+]?0b[0-1_]+$/,
      resolve: (str, _onError, opt) => intResolve(str, 2, 2, opt),
      stringify: (node) => intStringify(node, 2, "0b")
    };
    var intOct = {
      identify: intIdentify,
      default: true,
      tag: "tag:yaml.org,2002:int",
      format: "OCT",
      test: /^[-+]?0[0-7_]+$/,
      resolve: (str, _onError, opt) => intResolve(str, 1, 8, opt),
      stringify: (node) => intStringify(node, 8, "0")
    };
    var int = {
      identify: intIdentify,
      default: true,
      tag: "tag:yaml.org,2002:int",
      test: /^[-+]?[0-9][0-9_]*$/,
      resolve: (str, _onError, opt) => intResolve(str, 0, 10, opt),
      stringify: stringifyNumber.stringifyNumber
    };
    var intHex = {
      identify: intIdentify,
      default: true,
      tag: "tag:yaml.org,2002:int",
      format: "HEX",
      test: /^[-+]?0x[0-9a-fA-F_]+$/,
      resolve: (str, _onError, opt) => intResolve(str, 2, 16, opt),
      stringify: (node) => intStringify(node, 16, "0x")
    };
    exports.int = int;
    exports.intBin = intBin;
    exports.intHex = intHex;
    exports.intOct = intOct;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/set.js
var require_set = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/set.js"(exports) {
    "use strict";
    var identity = require_identity();
    var Pair = require_Pair();
    var YAMLMap = require_YAMLMap();
    var YAMLSet = class _YAMLSet extends YAMLMap.YAMLMap {
      constructor(schema) {
        super(schema);
        this.tag = _YAMLSet.tag;
      }
      add(key) {
        let pair;
        if (identity.isPair(key))
          pair = key;
        else if (key && typeof key === "object" && "key" in key && "value" in key && key.value === null)
          pair = new Pair.Pair(key.key, null);
        else
          pair = new Pair.Pair(key, null);
        const prev = YAMLMap.findPair(this.items, pair.key);
        if (!prev)
          this.items.push(pair);
      }
      /**
       * If `keepPair` is `true`, returns the Pair matching `key`.
       * Otherwise, returns the value of that Pair's key.
       */
      get(key, keepPair) {
        const pair = YAMLMap.findPair(this.items, key);
        return !keepPair && identity.isPair(pair) ? identity.isScalar(pair.key) ? pair.key.value : pair.key : pair;
      }
      set(key, value) {
        if (typeof value !== "boolean")
          throw new Error(`Expected boolean value for set(key, value) in a YAML set, not ${typeof value}`);
        const prev = YAMLMap.findPair(this.items, key);
        if (prev && !value) {
          this.items.splice(this.items.indexOf(prev), 1);
        } else if (!prev && value) {
          this.items.push(new Pair.Pair(key));
        }
      }
      toJSON(_, ctx) {
        return super.toJSON(_, ctx, Set);
      }
      toString(ctx, onComment, onChompKeep) {
        if (!ctx)
          return JSON.stringify(this);
        if (this.hasAllNullValues(true))
          return super.toString(Object.assign({}, ctx, { allNullValues: true }), onComment, onChompKeep);
        else
          throw new Error("Set items must all have null values");
      }
      static from(schema, iterable, ctx) {
        const { replacer } = ctx;
        const set2 = new this(schema);
        if (iterable && Symbol.iterator in Object(iterable))
          for (let value of iterable) {
            if (typeof replacer === "function")
              value = replacer.call(iterable, value, value);
            set2.items.push(Pair.createPair(value, null, ctx));
          }
        return set2;
      }
    };
    YAMLSet.tag = "tag:yaml.org,2002:set";
    var set = {
      collection: "map",
      identify: (value) => value instanceof Set,
      nodeClass: YAMLSet,
      default: false,
      tag: "tag:yaml.org,2002:set",
      createNode: (schema, iterable, ctx) => YAMLSet.from(schema, iterable, ctx),
      resolve(map, onError) {
        if (identity.isMap(map)) {
          if (map.hasAllNullValues(true))
            return Object.assign(new YAMLSet(), map);
          else
            onError("Set items must all have null values");
        } else
          onError("Expected a mapping for this tag");
        return map;
      }
    };
    exports.YAMLSet = YAMLSet;
    exports.set = set;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/timestamp.js
var require_timestamp = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/timestamp.js"(exports) {
    "use strict";
    var stringifyNumber = require_stringifyNumber();
    function parseSexagesimal(str, asBigInt) {
      const sign2 = str[0];
      const parts = sign2 === "-" || sign2 === "+" ? str.substring(1) : str;
      const num = (n) => asBigInt ? BigInt(n) : Number(n);
      const res = parts.replace(/_/g, "").split(":").reduce((res2, p) => res2 * num(60) + num(p), num(0));
      return sign2 === "-" ? num(-1) * res : res;
    }
    function stringifySexagesimal(node) {
      let { value } = node;
      let num = (n) => n;
      if (typeof value === "bigint")
        num = (n) => BigInt(n);
      else if (isNaN(value) || !isFinite(value))
        return stringifyNumber.stringifyNumber(node);
      let sign2 = "";
      if (value < 0) {
        sign2 = "-";
        value *= num(-1);
      }
      const _60 = num(60);
      const parts = [value % _60];
      if (value < 60) {
        parts.unshift(0);
      } else {
        value = (value - parts[0]) / _60;
        parts.unshift(value % _60);
        if (value >= 60) {
          value = (value - parts[0]) / _60;
          parts.unshift(value);
        }
      }
      return sign2 + parts.map((n) => String(n).padStart(2, "0")).join(":").replace(/000000\d*$/, "");
    }
    var intTime = {
      identify: (value) => typeof value === "bigint" || Number.isInteger(value),
      default: true,
      tag: "tag:yaml.org,2002:int",
      format: "TIME",
      test: /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+$/,
      resolve: (str, _onError, { intAsBigInt }) => parseSexagesimal(str, intAsBigInt),
      stringify: stringifySexagesimal
    };
    var floatTime = {
      identify: (value) => typeof value === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      format: "TIME",
      test: /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*$/,
      resolve: (str) => parseSexagesimal(str, false),
      stringify: stringifySexagesimal
    };
    var timestamp = {
      identify: (value) => value instanceof Date,
      default: true,
      tag: "tag:yaml.org,2002:timestamp",
      // If the time zone is omitted, the timestamp is assumed to be specified in UTC. The time part
      // may be omitted altogether, resulting in a date format. In such a case, the time part is
      // assumed to be 00:00:00Z (start of day, UTC).
      test: RegExp("^([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})(?:(?:t|T|[ \\t]+)([0-9]{1,2}):([0-9]{1,2}):([0-9]{1,2}(\\.[0-9]+)?)(?:[ \\t]*(Z|[-+][012]?[0-9](?::[0-9]{2})?))?)?$"),
      resolve(str) {
        const match = str.match(timestamp.test);
        if (!match)
          throw new Error("!!timestamp expects a date, starting with yyyy-mm-dd");
        const [, year, month, day, hour, minute, second] = match.map(Number);
        const millisec = match[7] ? Number((match[7] + "00").substr(1, 3)) : 0;
        let date = Date.UTC(year, month - 1, day, hour || 0, minute || 0, second || 0, millisec);
        const tz = match[8];
        if (tz && tz !== "Z") {
          let d = parseSexagesimal(tz, false);
          if (Math.abs(d) < 30)
            d *= 60;
          date -= 6e4 * d;
        }
        return new Date(date);
      },
      stringify: ({ value }) => value?.toISOString().replace(/(T00:00:00)?\.000Z$/, "") ?? ""
    };
    exports.floatTime = floatTime;
    exports.intTime = intTime;
    exports.timestamp = timestamp;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/schema.js
var require_schema3 = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/schema.js"(exports) {
    "use strict";
    var map = require_map();
    var _null = require_null();
    var seq = require_seq();
    var string = require_string();
    var binary = require_binary();
    var bool = require_bool2();
    var float = require_float2();
    var int = require_int2();
    var merge = require_merge();
    var omap = require_omap();
    var pairs = require_pairs();
    var set = require_set();
    var timestamp = require_timestamp();
    var schema = [
      map.map,
      seq.seq,
      string.string,
      _null.nullTag,
      bool.trueTag,
      bool.falseTag,
      int.intBin,
      int.intOct,
      int.int,
      int.intHex,
      float.floatNaN,
      float.floatExp,
      float.float,
      binary.binary,
      merge.merge,
      omap.omap,
      pairs.pairs,
      set.set,
      timestamp.intTime,
      timestamp.floatTime,
      timestamp.timestamp
    ];
    exports.schema = schema;
  }
});

// node_modules/yaml/dist/schema/tags.js
var require_tags = __commonJS({
  "node_modules/yaml/dist/schema/tags.js"(exports) {
    "use strict";
    var map = require_map();
    var _null = require_null();
    var seq = require_seq();
    var string = require_string();
    var bool = require_bool();
    var float = require_float();
    var int = require_int();
    var schema = require_schema();
    var schema$1 = require_schema2();
    var binary = require_binary();
    var merge = require_merge();
    var omap = require_omap();
    var pairs = require_pairs();
    var schema$2 = require_schema3();
    var set = require_set();
    var timestamp = require_timestamp();
    var schemas = /* @__PURE__ */ new Map([
      ["core", schema.schema],
      ["failsafe", [map.map, seq.seq, string.string]],
      ["json", schema$1.schema],
      ["yaml11", schema$2.schema],
      ["yaml-1.1", schema$2.schema]
    ]);
    var tagsByName = {
      binary: binary.binary,
      bool: bool.boolTag,
      float: float.float,
      floatExp: float.floatExp,
      floatNaN: float.floatNaN,
      floatTime: timestamp.floatTime,
      int: int.int,
      intHex: int.intHex,
      intOct: int.intOct,
      intTime: timestamp.intTime,
      map: map.map,
      merge: merge.merge,
      null: _null.nullTag,
      omap: omap.omap,
      pairs: pairs.pairs,
      seq: seq.seq,
      set: set.set,
      timestamp: timestamp.timestamp
    };
    var coreKnownTags = {
      "tag:yaml.org,2002:binary": binary.binary,
      "tag:yaml.org,2002:merge": merge.merge,
      "tag:yaml.org,2002:omap": omap.omap,
      "tag:yaml.org,2002:pairs": pairs.pairs,
      "tag:yaml.org,2002:set": set.set,
      "tag:yaml.org,2002:timestamp": timestamp.timestamp
    };
    function getTags(customTags, schemaName, addMergeTag) {
      const schemaTags = schemas.get(schemaName);
      if (schemaTags && !customTags) {
        return addMergeTag && !schemaTags.includes(merge.merge) ? schemaTags.concat(merge.merge) : schemaTags.slice();
      }
      let tags = schemaTags;
      if (!tags) {
        if (Array.isArray(customTags))
          tags = [];
        else {
          const keys = Array.from(schemas.keys()).filter((key) => key !== "yaml11").map((key) => JSON.stringify(key)).join(", ");
          throw new Error(`Unknown schema "${schemaName}"; use one of ${keys} or define customTags array`);
        }
      }
      if (Array.isArray(customTags)) {
        for (const tag of customTags)
          tags = tags.concat(tag);
      } else if (typeof customTags === "function") {
        tags = customTags(tags.slice());
      }
      if (addMergeTag)
        tags = tags.concat(merge.merge);
      return tags.reduce((tags2, tag) => {
        const tagObj = typeof tag === "string" ? tagsByName[tag] : tag;
        if (!tagObj) {
          const tagName = JSON.stringify(tag);
          const keys = Object.keys(tagsByName).map((key) => JSON.stringify(key)).join(", ");
          throw new Error(`Unknown custom tag ${tagName}; use one of ${keys}`);
        }
        if (!tags2.includes(tagObj))
          tags2.push(tagObj);
        return tags2;
      }, []);
    }
    exports.coreKnownTags = coreKnownTags;
    exports.getTags = getTags;
  }
});

// node_modules/yaml/dist/schema/Schema.js
var require_Schema = __commonJS({
  "node_modules/yaml/dist/schema/Schema.js"(exports) {
    "use strict";
    var identity = require_identity();
    var map = require_map();
    var seq = require_seq();
    var string = require_string();
    var tags = require_tags();
    var sortMapEntriesByKey = (a, b) => a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
    var Schema = class _Schema {
      constructor({ compat, customTags, merge, resolveKnownTags, schema, sortMapEntries, toStringDefaults }) {
        this.compat = Array.isArray(compat) ? tags.getTags(compat, "compat") : compat ? tags.getTags(null, compat) : null;
        this.name = typeof schema === "string" && schema || "core";
        this.knownTags = resolveKnownTags ? tags.coreKnownTags : {};
        this.tags = tags.getTags(customTags, this.name, merge);
        this.toStringOptions = toStringDefaults ?? null;
        Object.defineProperty(this, identity.MAP, { value: map.map });
        Object.defineProperty(this, identity.SCALAR, { value: string.string });
        Object.defineProperty(this, identity.SEQ, { value: seq.seq });
        this.sortMapEntries = typeof sortMapEntries === "function" ? sortMapEntries : sortMapEntries === true ? sortMapEntriesByKey : null;
      }
      clone() {
        const copy = Object.create(_Schema.prototype, Object.getOwnPropertyDescriptors(this));
        copy.tags = this.tags.slice();
        return copy;
      }
    };
    exports.Schema = Schema;
  }
});

// node_modules/yaml/dist/stringify/stringifyDocument.js
var require_stringifyDocument = __commonJS({
  "node_modules/yaml/dist/stringify/stringifyDocument.js"(exports) {
    "use strict";
    var identity = require_identity();
    var stringify = require_stringify();
    var stringifyComment = require_stringifyComment();
    function stringifyDocument(doc, options2) {
      const lines = [];
      let hasDirectives = options2.directives === true;
      if (options2.directives !== false && doc.directives) {
        const dir = doc.directives.toString(doc);
        if (dir) {
          lines.push(dir);
          hasDirectives = true;
        } else if (doc.directives.docStart)
          hasDirectives = true;
      }
      if (hasDirectives)
        lines.push("---");
      const ctx = stringify.createStringifyContext(doc, options2);
      const { commentString } = ctx.options;
      if (doc.commentBefore) {
        if (lines.length !== 1)
          lines.unshift("");
        const cs = commentString(doc.commentBefore);
        lines.unshift(stringifyComment.indentComment(cs, ""));
      }
      let chompKeep = false;
      let contentComment = null;
      if (doc.contents) {
        if (identity.isNode(doc.contents)) {
          if (doc.contents.spaceBefore && hasDirectives)
            lines.push("");
          if (doc.contents.commentBefore) {
            const cs = commentString(doc.contents.commentBefore);
            lines.push(stringifyComment.indentComment(cs, ""));
          }
          ctx.forceBlockIndent = !!doc.comment;
          contentComment = doc.contents.comment;
        }
        const onChompKeep = contentComment ? void 0 : () => chompKeep = true;
        let body = stringify.stringify(doc.contents, ctx, () => contentComment = null, onChompKeep);
        if (contentComment)
          body += stringifyComment.lineComment(body, "", commentString(contentComment));
        if ((body[0] === "|" || body[0] === ">") && lines[lines.length - 1] === "---") {
          lines[lines.length - 1] = `--- ${body}`;
        } else
          lines.push(body);
      } else {
        lines.push(stringify.stringify(doc.contents, ctx));
      }
      if (doc.directives?.docEnd) {
        if (doc.comment) {
          const cs = commentString(doc.comment);
          if (cs.includes("\n")) {
            lines.push("...");
            lines.push(stringifyComment.indentComment(cs, ""));
          } else {
            lines.push(`... ${cs}`);
          }
        } else {
          lines.push("...");
        }
      } else {
        let dc = doc.comment;
        if (dc && chompKeep)
          dc = dc.replace(/^\n+/, "");
        if (dc) {
          if ((!chompKeep || contentComment) && lines[lines.length - 1] !== "")
            lines.push("");
          lines.push(stringifyComment.indentComment(commentString(dc), ""));
        }
      }
      return lines.join("\n") + "\n";
    }
    exports.stringifyDocument = stringifyDocument;
  }
});

// node_modules/yaml/dist/doc/Document.js
var require_Document = __commonJS({
  "node_modules/yaml/dist/doc/Document.js"(exports) {
    "use strict";
    var Alias = require_Alias();
    var Collection = require_Collection();
    var identity = require_identity();
    var Pair = require_Pair();
    var toJS = require_toJS();
    var Schema = require_Schema();
    var stringifyDocument = require_stringifyDocument();
    var anchors = require_anchors();
    var applyReviver = require_applyReviver();
    var createNode = require_createNode();
    var directives = require_directives();
    var Document = class _Document {
      constructor(value, replacer, options2) {
        this.commentBefore = null;
        this.comment = null;
        this.errors = [];
        this.warnings = [];
        Object.defineProperty(this, identity.NODE_TYPE, { value: identity.DOC });
        let _replacer = null;
        if (typeof replacer === "function" || Array.isArray(replacer)) {
          _replacer = replacer;
        } else if (options2 === void 0 && replacer) {
          options2 = replacer;
          replacer = void 0;
        }
        const opt = Object.assign({
          intAsBigInt: false,
          keepSourceTokens: false,
          logLevel: "warn",
          prettyErrors: true,
          strict: true,
          stringKeys: false,
          uniqueKeys: true,
          version: "1.2"
        }, options2);
        this.options = opt;
        let { version } = opt;
        if (options2?._directives) {
          this.directives = options2._directives.atDocument();
          if (this.directives.yaml.explicit)
            version = this.directives.yaml.version;
        } else
          this.directives = new directives.Directives({ version });
        this.setSchema(version, options2);
        this.contents = value === void 0 ? null : this.createNode(value, _replacer, options2);
      }
      /**
       * Create a deep copy of this Document and its contents.
       *
       * Custom Node values that inherit from `Object` still refer to their original instances.
       */
      clone() {
        const copy = Object.create(_Document.prototype, {
          [identity.NODE_TYPE]: { value: identity.DOC }
        });
        copy.commentBefore = this.commentBefore;
        copy.comment = this.comment;
        copy.errors = this.errors.slice();
        copy.warnings = this.warnings.slice();
        copy.options = Object.assign({}, this.options);
        if (this.directives)
          copy.directives = this.directives.clone();
        copy.schema = this.schema.clone();
        copy.contents = identity.isNode(this.contents) ? this.contents.clone(copy.schema) : this.contents;
        if (this.range)
          copy.range = this.range.slice();
        return copy;
      }
      /** Adds a value to the document. */
      add(value) {
        if (assertCollection(this.contents))
          this.contents.add(value);
      }
      /** Adds a value to the document. */
      addIn(path39, value) {
        if (assertCollection(this.contents))
          this.contents.addIn(path39, value);
      }
      /**
       * Create a new `Alias` node, ensuring that the target `node` has the required anchor.
       *
       * If `node` already has an anchor, `name` is ignored.
       * Otherwise, the `node.anchor` value will be set to `name`,
       * or if an anchor with that name is already present in the document,
       * `name` will be used as a prefix for a new unique anchor.
       * If `name` is undefined, the generated anchor will use 'a' as a prefix.
       */
      createAlias(node, name) {
        if (!node.anchor) {
          const prev = anchors.anchorNames(this);
          node.anchor = // eslint-disable-next-line @typescript-eslint/prefer-nullish-coalescing
          !name || prev.has(name) ? anchors.findNewAnchor(name || "a", prev) : name;
        }
        return new Alias.Alias(node.anchor);
      }
      createNode(value, replacer, options2) {
        let _replacer = void 0;
        if (typeof replacer === "function") {
          value = replacer.call({ "": value }, "", value);
          _replacer = replacer;
        } else if (Array.isArray(replacer)) {
          const keyToStr = (v) => typeof v === "number" || v instanceof String || v instanceof Number;
          const asStr = replacer.filter(keyToStr).map(String);
          if (asStr.length > 0)
            replacer = replacer.concat(asStr);
          _replacer = replacer;
        } else if (options2 === void 0 && replacer) {
          options2 = replacer;
          replacer = void 0;
        }
        const { aliasDuplicateObjects, anchorPrefix, flow, keepUndefined, onTagObj, tag } = options2 ?? {};
        const { onAnchor, setAnchors, sourceObjects } = anchors.createNodeAnchors(
          this,
          // eslint-disable-next-line @typescript-eslint/prefer-nullish-coalescing
          anchorPrefix || "a"
        );
        const ctx = {
          aliasDuplicateObjects: aliasDuplicateObjects ?? true,
          keepUndefined: keepUndefined ?? false,
          onAnchor,
          onTagObj,
          replacer: _replacer,
          schema: this.schema,
          sourceObjects
        };
        const node = createNode.createNode(value, tag, ctx);
        if (flow && identity.isCollection(node))
          node.flow = true;
        setAnchors();
        return node;
      }
      /**
       * Convert a key and a value into a `Pair` using the current schema,
       * recursively wrapping all values as `Scalar` or `Collection` nodes.
       */
      createPair(key, value, options2 = {}) {
        const k = this.createNode(key, null, options2);
        const v = this.createNode(value, null, options2);
        return new Pair.Pair(k, v);
      }
      /**
       * Removes a value from the document.
       * @returns `true` if the item was found and removed.
       */
      delete(key) {
        return assertCollection(this.contents) ? this.contents.delete(key) : false;
      }
      /**
       * Removes a value from the document.
       * @returns `true` if the item was found and removed.
       */
      deleteIn(path39) {
        if (Collection.isEmptyPath(path39)) {
          if (this.contents == null)
            return false;
          this.contents = null;
          return true;
        }
        return assertCollection(this.contents) ? this.contents.deleteIn(path39) : false;
      }
      /**
       * Returns item at `key`, or `undefined` if not found. By default unwraps
       * scalar values from their surrounding node; to disable set `keepScalar` to
       * `true` (collections are always returned intact).
       */
      get(key, keepScalar) {
        return identity.isCollection(this.contents) ? this.contents.get(key, keepScalar) : void 0;
      }
      /**
       * Returns item at `path`, or `undefined` if not found. By default unwraps
       * scalar values from their surrounding node; to disable set `keepScalar` to
       * `true` (collections are always returned intact).
       */
      getIn(path39, keepScalar) {
        if (Collection.isEmptyPath(path39))
          return !keepScalar && identity.isScalar(this.contents) ? this.contents.value : this.contents;
        return identity.isCollection(this.contents) ? this.contents.getIn(path39, keepScalar) : void 0;
      }
      /**
       * Checks if the document includes a value with the key `key`.
       */
      has(key) {
        return identity.isCollection(this.contents) ? this.contents.has(key) : false;
      }
      /**
       * Checks if the document includes a value at `path`.
       */
      hasIn(path39) {
        if (Collection.isEmptyPath(path39))
          return this.contents !== void 0;
        return identity.isCollection(this.contents) ? this.contents.hasIn(path39) : false;
      }
      /**
       * Sets a value in this document. For `!!set`, `value` needs to be a
       * boolean to add/remove the item from the set.
       */
      set(key, value) {
        if (this.contents == null) {
          this.contents = Collection.collectionFromPath(this.schema, [key], value);
        } else if (assertCollection(this.contents)) {
          this.contents.set(key, value);
        }
      }
      /**
       * Sets a value in this document. For `!!set`, `value` needs to be a
       * boolean to add/remove the item from the set.
       */
      setIn(path39, value) {
        if (Collection.isEmptyPath(path39)) {
          this.contents = value;
        } else if (this.contents == null) {
          this.contents = Collection.collectionFromPath(this.schema, Array.from(path39), value);
        } else if (assertCollection(this.contents)) {
          this.contents.setIn(path39, value);
        }
      }
      /**
       * Change the YAML version and schema used by the document.
       * A `null` version disables support for directives, explicit tags, anchors, and aliases.
       * It also requires the `schema` option to be given as a `Schema` instance value.
       *
       * Overrides all previously set schema options.
       */
      setSchema(version, options2 = {}) {
        if (typeof version === "number")
          version = String(version);
        let opt;
        switch (version) {
          case "1.1":
            if (this.directives)
              this.directives.yaml.version = "1.1";
            else
              this.directives = new directives.Directives({ version: "1.1" });
            opt = { resolveKnownTags: false, schema: "yaml-1.1" };
            break;
          case "1.2":
          case "next":
            if (this.directives)
              this.directives.yaml.version = version;
            else
              this.directives = new directives.Directives({ version });
            opt = { resolveKnownTags: true, schema: "core" };
            break;
          case null:
            if (this.directives)
              delete this.directives;
            opt = null;
            break;
          default: {
            const sv = JSON.stringify(version);
            throw new Error(`Expected '1.1', '1.2' or null as first argument, but found: ${sv}`);
          }
        }
        if (options2.schema instanceof Object)
          this.schema = options2.schema;
        else if (opt)
          this.schema = new Schema.Schema(Object.assign(opt, options2));
        else
          throw new Error(`With a null YAML version, the { schema: Schema } option is required`);
      }
      // json & jsonArg are only used from toJSON()
      toJS({ json, jsonArg, mapAsMap, maxAliasCount, onAnchor, reviver } = {}) {
        const ctx = {
          anchors: /* @__PURE__ */ new Map(),
          doc: this,
          keep: !json,
          mapAsMap: mapAsMap === true,
          mapKeyWarned: false,
          maxAliasCount: typeof maxAliasCount === "number" ? maxAliasCount : 100
        };
        const res = toJS.toJS(this.contents, jsonArg ?? "", ctx);
        if (typeof onAnchor === "function")
          for (const { count, res: res2 } of ctx.anchors.values())
            onAnchor(res2, count);
        return typeof reviver === "function" ? applyReviver.applyReviver(reviver, { "": res }, "", res) : res;
      }
      /**
       * A JSON representation of the document `contents`.
       *
       * @param jsonArg Used by `JSON.stringify` to indicate the array index or
       *   property name.
       */
      toJSON(jsonArg, onAnchor) {
        return this.toJS({ json: true, jsonArg, mapAsMap: false, onAnchor });
      }
      /** A YAML representation of the document. */
      toString(options2 = {}) {
        if (this.errors.length > 0)
          throw new Error("Document with errors cannot be stringified");
        if ("indent" in options2 && (!Number.isInteger(options2.indent) || Number(options2.indent) <= 0)) {
          const s = JSON.stringify(options2.indent);
          throw new Error(`"indent" option must be a positive integer, not ${s}`);
        }
        return stringifyDocument.stringifyDocument(this, options2);
      }
    };
    function assertCollection(contents) {
      if (identity.isCollection(contents))
        return true;
      throw new Error("Expected a YAML collection as document contents");
    }
    exports.Document = Document;
  }
});

// node_modules/yaml/dist/errors.js
var require_errors = __commonJS({
  "node_modules/yaml/dist/errors.js"(exports) {
    "use strict";
    var YAMLError = class extends Error {
      constructor(name, pos, code, message) {
        super();
        this.name = name;
        this.code = code;
        this.message = message;
        this.pos = pos;
      }
    };
    var YAMLParseError = class extends YAMLError {
      constructor(pos, code, message) {
        super("YAMLParseError", pos, code, message);
      }
    };
    var YAMLWarning = class extends YAMLError {
      constructor(pos, code, message) {
        super("YAMLWarning", pos, code, message);
      }
    };
    var prettifyError = (src, lc) => (error) => {
      if (error.pos[0] === -1)
        return;
      error.linePos = error.pos.map((pos) => lc.linePos(pos));
      const { line, col } = error.linePos[0];
      error.message += ` at line ${line}, column ${col}`;
      let ci = col - 1;
      let lineStr = src.substring(lc.lineStarts[line - 1], lc.lineStarts[line]).replace(/[\n\r]+$/, "");
      if (ci >= 60 && lineStr.length > 80) {
        const trimStart = Math.min(ci - 39, lineStr.length - 79);
        lineStr = "\u2026" + lineStr.substring(trimStart);
        ci -= trimStart - 1;
      }
      if (lineStr.length > 80)
        lineStr = lineStr.substring(0, 79) + "\u2026";
      if (line > 1 && /^ *$/.test(lineStr.substring(0, ci))) {
        let prev = src.substring(lc.lineStarts[line - 2], lc.lineStarts[line - 1]);
        if (prev.length > 80)
          prev = prev.substring(0, 79) + "\u2026\n";
        lineStr = prev + lineStr;
      }
      if (/[^ ]/.test(lineStr)) {
        let count = 1;
        const end = error.linePos[1];
        if (end?.line === line && end.col > col) {
          count = Math.max(1, Math.min(end.col - col, 80 - ci));
        }
        const pointer = " ".repeat(ci) + "^".repeat(count);
        error.message += `:

${lineStr}
${pointer}
`;
      }
    };
    exports.YAMLError = YAMLError;
    exports.YAMLParseError = YAMLParseError;
    exports.YAMLWarning = YAMLWarning;
    exports.prettifyError = prettifyError;
  }
});

// node_modules/yaml/dist/compose/resolve-props.js
var require_resolve_props = __commonJS({
  "node_modules/yaml/dist/compose/resolve-props.js"(exports) {
    "use strict";
    function resolveProps(tokens, { flow, indicator, next, offset, onError, parentIndent, startOnNewline }) {
      let spaceBefore = false;
      let atNewline = startOnNewline;
      let hasSpace = startOnNewline;
      let comment = "";
      let commentSep = "";
      let hasNewline = false;
      let reqSpace = false;
      let tab = null;
      let anchor = null;
      let tag = null;
      let newlineAfterProp = null;
      let comma = null;
      let found = null;
      let start = null;
      for (const token of tokens) {
        if (reqSpace) {
          if (token.type !== "space" && token.type !== "newline" && token.type !== "comma")
            onError(token.offset, "MISSING_CHAR", "Tags and anchors must be separated from the next token by white space");
          reqSpace = false;
        }
        if (tab) {
          if (atNewline && token.type !== "comment" && token.type !== "newline") {
            onError(tab, "TAB_AS_INDENT", "Tabs are not allowed as indentation");
          }
          tab = null;
        }
        switch (token.type) {
          case "space":
            if (!flow && (indicator !== "doc-start" || next?.type !== "flow-collection") && token.source.includes("	")) {
              tab = token;
            }
            hasSpace = true;
            break;
          case "comment": {
            if (!hasSpace)
              onError(token, "MISSING_CHAR", "Comments must be separated from other tokens by white space characters");
            const cb = token.source.substring(1) || " ";
            if (!comment)
              comment = cb;
            else
              comment += commentSep + cb;
            commentSep = "";
            atNewline = false;
            break;
          }
          case "newline":
            if (atNewline) {
              if (comment)
                comment += token.source;
              else if (!found || indicator !== "seq-item-ind")
                spaceBefore = true;
            } else
              commentSep += token.source;
            atNewline = true;
            hasNewline = true;
            if (anchor || tag)
              newlineAfterProp = token;
            hasSpace = true;
            break;
          case "anchor":
            if (anchor)
              onError(token, "MULTIPLE_ANCHORS", "A node can have at most one anchor");
            if (token.source.endsWith(":"))
              onError(token.offset + token.source.length - 1, "BAD_ALIAS", "Anchor ending in : is ambiguous", true);
            anchor = token;
            start ?? (start = token.offset);
            atNewline = false;
            hasSpace = false;
            reqSpace = true;
            break;
          case "tag": {
            if (tag)
              onError(token, "MULTIPLE_TAGS", "A node can have at most one tag");
            tag = token;
            start ?? (start = token.offset);
            atNewline = false;
            hasSpace = false;
            reqSpace = true;
            break;
          }
          case indicator:
            if (anchor || tag)
              onError(token, "BAD_PROP_ORDER", `Anchors and tags must be after the ${token.source} indicator`);
            if (found)
              onError(token, "UNEXPECTED_TOKEN", `Unexpected ${token.source} in ${flow ?? "collection"}`);
            found = token;
            atNewline = indicator === "seq-item-ind" || indicator === "explicit-key-ind";
            hasSpace = false;
            break;
          case "comma":
            if (flow) {
              if (comma)
                onError(token, "UNEXPECTED_TOKEN", `Unexpected , in ${flow}`);
              comma = token;
              atNewline = false;
              hasSpace = false;
              break;
            }
          // else fallthrough
          default:
            onError(token, "UNEXPECTED_TOKEN", `Unexpected ${token.type} token`);
            atNewline = false;
            hasSpace = false;
        }
      }
      const last = tokens[tokens.length - 1];
      const end = last ? last.offset + last.source.length : offset;
      if (reqSpace && next && next.type !== "space" && next.type !== "newline" && next.type !== "comma" && (next.type !== "scalar" || next.source !== "")) {
        onError(next.offset, "MISSING_CHAR", "Tags and anchors must be separated from the next token by white space");
      }
      if (tab && (atNewline && tab.indent <= parentIndent || next?.type === "block-map" || next?.type === "block-seq"))
        onError(tab, "TAB_AS_INDENT", "Tabs are not allowed as indentation");
      return {
        comma,
        found,
        spaceBefore,
        comment,
        hasNewline,
        anchor,
        tag,
        newlineAfterProp,
        end,
        start: start ?? end
      };
    }
    exports.resolveProps = resolveProps;
  }
});

// node_modules/yaml/dist/compose/util-contains-newline.js
var require_util_contains_newline = __commonJS({
  "node_modules/yaml/dist/compose/util-contains-newline.js"(exports) {
    "use strict";
    function containsNewline(key) {
      if (!key)
        return null;
      switch (key.type) {
        case "alias":
        case "scalar":
        case "double-quoted-scalar":
        case "single-quoted-scalar":
          if (key.source.includes("\n"))
            return true;
          if (key.end) {
            for (const st of key.end)
              if (st.type === "newline")
                return true;
          }
          return false;
        case "flow-collection":
          for (const it of key.items) {
            for (const st of it.start)
              if (st.type === "newline")
                return true;
            if (it.sep) {
              for (const st of it.sep)
                if (st.type === "newline")
                  return true;
            }
            if (containsNewline(it.key) || containsNewline(it.value))
              return true;
          }
          return false;
        default:
          return true;
      }
    }
    exports.containsNewline = containsNewline;
  }
});

// node_modules/yaml/dist/compose/util-flow-indent-check.js
var require_util_flow_indent_check = __commonJS({
  "node_modules/yaml/dist/compose/util-flow-indent-check.js"(exports) {
    "use strict";
    var utilContainsNewline = require_util_contains_newline();
    function flowIndentCheck(indent, fc, onError) {
      if (fc?.type === "flow-collection") {
        const end = fc.end[0];
        if (end.indent === indent && (end.source === "]" || end.source === "}") && utilContainsNewline.containsNewline(fc)) {
          const msg = "Flow end indicator should be more indented than parent";
          onError(end, "BAD_INDENT", msg, true);
        }
      }
    }
    exports.flowIndentCheck = flowIndentCheck;
  }
});

// node_modules/yaml/dist/compose/util-map-includes.js
var require_util_map_includes = __commonJS({
  "node_modules/yaml/dist/compose/util-map-includes.js"(exports) {
    "use strict";
    var identity = require_identity();
    function mapIncludes(ctx, items, search) {
      const { uniqueKeys } = ctx.options;
      if (uniqueKeys === false)
        return false;
      const isEqual = typeof uniqueKeys === "function" ? uniqueKeys : (a, b) => a === b || identity.isScalar(a) && identity.isScalar(b) && a.value === b.value;
      return items.some((pair) => isEqual(pair.key, search));
    }
    exports.mapIncludes = mapIncludes;
  }
});

// node_modules/yaml/dist/compose/resolve-block-map.js
var require_resolve_block_map = __commonJS({
  "node_modules/yaml/dist/compose/resolve-block-map.js"(exports) {
    "use strict";
    var Pair = require_Pair();
    var YAMLMap = require_YAMLMap();
    var resolveProps = require_resolve_props();
    var utilContainsNewline = require_util_contains_newline();
    var utilFlowIndentCheck = require_util_flow_indent_check();
    var utilMapIncludes = require_util_map_includes();
    var startColMsg = "All mapping items must start at the same column";
    function resolveBlockMap({ composeNode, composeEmptyNode }, ctx, bm, onError, tag) {
      const NodeClass = tag?.nodeClass ?? YAMLMap.YAMLMap;
      const map = new NodeClass(ctx.schema);
      if (ctx.atRoot)
        ctx.atRoot = false;
      let offset = bm.offset;
      let commentEnd = null;
      for (const collItem of bm.items) {
        const { start, key, sep, value } = collItem;
        const keyProps = resolveProps.resolveProps(start, {
          indicator: "explicit-key-ind",
          next: key ?? sep?.[0],
          offset,
          onError,
          parentIndent: bm.indent,
          startOnNewline: true
        });
        const implicitKey = !keyProps.found;
        if (implicitKey) {
          if (key) {
            if (key.type === "block-seq")
              onError(offset, "BLOCK_AS_IMPLICIT_KEY", "A block sequence may not be used as an implicit map key");
            else if ("indent" in key && key.indent !== bm.indent)
              onError(offset, "BAD_INDENT", startColMsg);
          }
          if (!keyProps.anchor && !keyProps.tag && !sep) {
            commentEnd = keyProps.end;
            if (keyProps.comment) {
              if (map.comment)
                map.comment += "\n" + keyProps.comment;
              else
                map.comment = keyProps.comment;
            }
            continue;
          }
          if (keyProps.newlineAfterProp || utilContainsNewline.containsNewline(key)) {
            onError(key ?? start[start.length - 1], "MULTILINE_IMPLICIT_KEY", "Implicit keys need to be on a single line");
          }
        } else if (keyProps.found?.indent !== bm.indent) {
          onError(offset, "BAD_INDENT", startColMsg);
        }
        ctx.atKey = true;
        const keyStart = keyProps.end;
        const keyNode = key ? composeNode(ctx, key, keyProps, onError) : composeEmptyNode(ctx, keyStart, start, null, keyProps, onError);
        if (ctx.schema.compat)
          utilFlowIndentCheck.flowIndentCheck(bm.indent, key, onError);
        ctx.atKey = false;
        if (utilMapIncludes.mapIncludes(ctx, map.items, keyNode))
          onError(keyStart, "DUPLICATE_KEY", "Map keys must be unique");
        const valueProps = resolveProps.resolveProps(sep ?? [], {
          indicator: "map-value-ind",
          next: value,
          offset: keyNode.range[2],
          onError,
          parentIndent: bm.indent,
          startOnNewline: !key || key.type === "block-scalar"
        });
        offset = valueProps.end;
        if (valueProps.found) {
          if (implicitKey) {
            if (value?.type === "block-map" && !valueProps.hasNewline)
              onError(offset, "BLOCK_AS_IMPLICIT_KEY", "Nested mappings are not allowed in compact mappings");
            if (ctx.options.strict && keyProps.start < valueProps.found.offset - 1024)
              onError(keyNode.range, "KEY_OVER_1024_CHARS", "The : indicator must be at most 1024 chars after the start of an implicit block mapping key");
          }
          const valueNode = value ? composeNode(ctx, value, valueProps, onError) : composeEmptyNode(ctx, offset, sep, null, valueProps, onError);
          if (ctx.schema.compat)
            utilFlowIndentCheck.flowIndentCheck(bm.indent, value, onError);
          offset = valueNode.range[2];
          const pair = new Pair.Pair(keyNode, valueNode);
          if (ctx.options.keepSourceTokens)
            pair.srcToken = collItem;
          map.items.push(pair);
        } else {
          if (implicitKey)
            onError(keyNode.range, "MISSING_CHAR", "Implicit map keys need to be followed by map values");
          if (valueProps.comment) {
            if (keyNode.comment)
              keyNode.comment += "\n" + valueProps.comment;
            else
              keyNode.comment = valueProps.comment;
          }
          const pair = new Pair.Pair(keyNode);
          if (ctx.options.keepSourceTokens)
            pair.srcToken = collItem;
          map.items.push(pair);
        }
      }
      if (commentEnd && commentEnd < offset)
        onError(commentEnd, "IMPOSSIBLE", "Map comment with trailing content");
      map.range = [bm.offset, offset, commentEnd ?? offset];
      return map;
    }
    exports.resolveBlockMap = resolveBlockMap;
  }
});

// node_modules/yaml/dist/compose/resolve-block-seq.js
var require_resolve_block_seq = __commonJS({
  "node_modules/yaml/dist/compose/resolve-block-seq.js"(exports) {
    "use strict";
    var YAMLSeq = require_YAMLSeq();
    var resolveProps = require_resolve_props();
    var utilFlowIndentCheck = require_util_flow_indent_check();
    function resolveBlockSeq({ composeNode, composeEmptyNode }, ctx, bs, onError, tag) {
      const NodeClass = tag?.nodeClass ?? YAMLSeq.YAMLSeq;
      const seq = new NodeClass(ctx.schema);
      if (ctx.atRoot)
        ctx.atRoot = false;
      if (ctx.atKey)
        ctx.atKey = false;
      let offset = bs.offset;
      let commentEnd = null;
      for (const { start, value } of bs.items) {
        const props = resolveProps.resolveProps(start, {
          indicator: "seq-item-ind",
          next: value,
          offset,
          onError,
          parentIndent: bs.indent,
          startOnNewline: true
        });
        if (!props.found) {
          if (props.anchor || props.tag || value) {
            if (value?.type === "block-seq")
              onError(props.end, "BAD_INDENT", "All sequence items must start at the same column");
            else
              onError(offset, "MISSING_CHAR", "Sequence item without - indicator");
          } else {
            commentEnd = props.end;
            if (props.comment)
              seq.comment = props.comment;
            continue;
          }
        }
        const node = value ? composeNode(ctx, value, props, onError) : composeEmptyNode(ctx, props.end, start, null, props, onError);
        if (ctx.schema.compat)
          utilFlowIndentCheck.flowIndentCheck(bs.indent, value, onError);
        offset = node.range[2];
        seq.items.push(node);
      }
      seq.range = [bs.offset, offset, commentEnd ?? offset];
      return seq;
    }
    exports.resolveBlockSeq = resolveBlockSeq;
  }
});

// node_modules/yaml/dist/compose/resolve-end.js
var require_resolve_end = __commonJS({
  "node_modules/yaml/dist/compose/resolve-end.js"(exports) {
    "use strict";
    function resolveEnd(end, offset, reqSpace, onError) {
      let comment = "";
      if (end) {
        let hasSpace = false;
        let sep = "";
        for (const token of end) {
          const { source, type } = token;
          switch (type) {
            case "space":
              hasSpace = true;
              break;
            case "comment": {
              if (reqSpace && !hasSpace)
                onError(token, "MISSING_CHAR", "Comments must be separated from other tokens by white space characters");
              const cb = source.substring(1) || " ";
              if (!comment)
                comment = cb;
              else
                comment += sep + cb;
              sep = "";
              break;
            }
            case "newline":
              if (comment)
                sep += source;
              hasSpace = true;
              break;
            default:
              onError(token, "UNEXPECTED_TOKEN", `Unexpected ${type} at node end`);
          }
          offset += source.length;
        }
      }
      return { comment, offset };
    }
    exports.resolveEnd = resolveEnd;
  }
});

// node_modules/yaml/dist/compose/resolve-flow-collection.js
var require_resolve_flow_collection = __commonJS({
  "node_modules/yaml/dist/compose/resolve-flow-collection.js"(exports) {
    "use strict";
    var identity = require_identity();
    var Pair = require_Pair();
    var YAMLMap = require_YAMLMap();
    var YAMLSeq = require_YAMLSeq();
    var resolveEnd = require_resolve_end();
    var resolveProps = require_resolve_props();
    var utilContainsNewline = require_util_contains_newline();
    var utilMapIncludes = require_util_map_includes();
    var blockMsg = "Block collections are not allowed within flow collections";
    var isBlock = (token) => token && (token.type === "block-map" || token.type === "block-seq");
    function resolveFlowCollection({ composeNode, composeEmptyNode }, ctx, fc, onError, tag) {
      const isMap = fc.start.source === "{";
      const fcName = isMap ? "flow map" : "flow sequence";
      const NodeClass = tag?.nodeClass ?? (isMap ? YAMLMap.YAMLMap : YAMLSeq.YAMLSeq);
      const coll = new NodeClass(ctx.schema);
      coll.flow = true;
      const atRoot = ctx.atRoot;
      if (atRoot)
        ctx.atRoot = false;
      if (ctx.atKey)
        ctx.atKey = false;
      let offset = fc.offset + fc.start.source.length;
      for (let i = 0; i < fc.items.length; ++i) {
        const collItem = fc.items[i];
        const { start, key, sep, value } = collItem;
        const props = resolveProps.resolveProps(start, {
          flow: fcName,
          indicator: "explicit-key-ind",
          next: key ?? sep?.[0],
          offset,
          onError,
          parentIndent: fc.indent,
          startOnNewline: false
        });
        if (!props.found) {
          if (!props.anchor && !props.tag && !sep && !value) {
            if (i === 0 && props.comma)
              onError(props.comma, "UNEXPECTED_TOKEN", `Unexpected , in ${fcName}`);
            else if (i < fc.items.length - 1)
              onError(props.start, "UNEXPECTED_TOKEN", `Unexpected empty item in ${fcName}`);
            if (props.comment) {
              if (coll.comment)
                coll.comment += "\n" + props.comment;
              else
                coll.comment = props.comment;
            }
            offset = props.end;
            continue;
          }
          if (!isMap && ctx.options.strict && utilContainsNewline.containsNewline(key))
            onError(
              key,
              // checked by containsNewline()
              "MULTILINE_IMPLICIT_KEY",
              "Implicit keys of flow sequence pairs need to be on a single line"
            );
        }
        if (i === 0) {
          if (props.comma)
            onError(props.comma, "UNEXPECTED_TOKEN", `Unexpected , in ${fcName}`);
        } else {
          if (!props.comma)
            onError(props.start, "MISSING_CHAR", `Missing , between ${fcName} items`);
          if (props.comment) {
            let prevItemComment = "";
            loop: for (const st of start) {
              switch (st.type) {
                case "comma":
                case "space":
                  break;
                case "comment":
                  prevItemComment = st.source.substring(1);
                  break loop;
                default:
                  break loop;
              }
            }
            if (prevItemComment) {
              let prev = coll.items[coll.items.length - 1];
              if (identity.isPair(prev))
                prev = prev.value ?? prev.key;
              if (prev.comment)
                prev.comment += "\n" + prevItemComment;
              else
                prev.comment = prevItemComment;
              props.comment = props.comment.substring(prevItemComment.length + 1);
            }
          }
        }
        if (!isMap && !sep && !props.found) {
          const valueNode = value ? composeNode(ctx, value, props, onError) : composeEmptyNode(ctx, props.end, sep, null, props, onError);
          coll.items.push(valueNode);
          offset = valueNode.range[2];
          if (isBlock(value))
            onError(valueNode.range, "BLOCK_IN_FLOW", blockMsg);
        } else {
          ctx.atKey = true;
          const keyStart = props.end;
          const keyNode = key ? composeNode(ctx, key, props, onError) : composeEmptyNode(ctx, keyStart, start, null, props, onError);
          if (isBlock(key))
            onError(keyNode.range, "BLOCK_IN_FLOW", blockMsg);
          ctx.atKey = false;
          const valueProps = resolveProps.resolveProps(sep ?? [], {
            flow: fcName,
            indicator: "map-value-ind",
            next: value,
            offset: keyNode.range[2],
            onError,
            parentIndent: fc.indent,
            startOnNewline: false
          });
          if (valueProps.found) {
            if (!isMap && !props.found && ctx.options.strict) {
              if (sep)
                for (const st of sep) {
                  if (st === valueProps.found)
                    break;
                  if (st.type === "newline") {
                    onError(st, "MULTILINE_IMPLICIT_KEY", "Implicit keys of flow sequence pairs need to be on a single line");
                    break;
                  }
                }
              if (props.start < valueProps.found.offset - 1024)
                onError(valueProps.found, "KEY_OVER_1024_CHARS", "The : indicator must be at most 1024 chars after the start of an implicit flow sequence key");
            }
          } else if (value) {
            if ("source" in value && value.source?.[0] === ":")
              onError(value, "MISSING_CHAR", `Missing space after : in ${fcName}`);
            else
              onError(valueProps.start, "MISSING_CHAR", `Missing , or : between ${fcName} items`);
          }
          const valueNode = value ? composeNode(ctx, value, valueProps, onError) : valueProps.found ? composeEmptyNode(ctx, valueProps.end, sep, null, valueProps, onError) : null;
          if (valueNode) {
            if (isBlock(value))
              onError(valueNode.range, "BLOCK_IN_FLOW", blockMsg);
          } else if (valueProps.comment) {
            if (keyNode.comment)
              keyNode.comment += "\n" + valueProps.comment;
            else
              keyNode.comment = valueProps.comment;
          }
          const pair = new Pair.Pair(keyNode, valueNode);
          if (ctx.options.keepSourceTokens)
            pair.srcToken = collItem;
          if (isMap) {
            const map = coll;
            if (utilMapIncludes.mapIncludes(ctx, map.items, keyNode))
              onError(keyStart, "DUPLICATE_KEY", "Map keys must be unique");
            map.items.push(pair);
          } else {
            const map = new YAMLMap.YAMLMap(ctx.schema);
            map.flow = true;
            map.items.push(pair);
            const endRange = (valueNode ?? keyNode).range;
            map.range = [keyNode.range[0], endRange[1], endRange[2]];
            coll.items.push(map);
          }
          offset = valueNode ? valueNode.range[2] : valueProps.end;
        }
      }
      const expectedEnd = isMap ? "}" : "]";
      const [ce, ...ee] = fc.end;
      let cePos = offset;
      if (ce?.source === expectedEnd)
        cePos = ce.offset + ce.source.length;
      else {
        const name = fcName[0].toUpperCase() + fcName.substring(1);
        const msg = atRoot ? `${name} must end with a ${expectedEnd}` : `${name} in block collection must be sufficiently indented and end with a ${expectedEnd}`;
        onError(offset, atRoot ? "MISSING_CHAR" : "BAD_INDENT", msg);
        if (ce && ce.source.length !== 1)
          ee.unshift(ce);
      }
      if (ee.length > 0) {
        const end = resolveEnd.resolveEnd(ee, cePos, ctx.options.strict, onError);
        if (end.comment) {
          if (coll.comment)
            coll.comment += "\n" + end.comment;
          else
            coll.comment = end.comment;
        }
        coll.range = [fc.offset, cePos, end.offset];
      } else {
        coll.range = [fc.offset, cePos, cePos];
      }
      return coll;
    }
    exports.resolveFlowCollection = resolveFlowCollection;
  }
});

// node_modules/yaml/dist/compose/compose-collection.js
var require_compose_collection = __commonJS({
  "node_modules/yaml/dist/compose/compose-collection.js"(exports) {
    "use strict";
    var identity = require_identity();
    var Scalar = require_Scalar();
    var YAMLMap = require_YAMLMap();
    var YAMLSeq = require_YAMLSeq();
    var resolveBlockMap = require_resolve_block_map();
    var resolveBlockSeq = require_resolve_block_seq();
    var resolveFlowCollection = require_resolve_flow_collection();
    function resolveCollection(CN, ctx, token, onError, tagName, tag) {
      const coll = token.type === "block-map" ? resolveBlockMap.resolveBlockMap(CN, ctx, token, onError, tag) : token.type === "block-seq" ? resolveBlockSeq.resolveBlockSeq(CN, ctx, token, onError, tag) : resolveFlowCollection.resolveFlowCollection(CN, ctx, token, onError, tag);
      const Coll = coll.constructor;
      if (tagName === "!" || tagName === Coll.tagName) {
        coll.tag = Coll.tagName;
        return coll;
      }
      if (tagName)
        coll.tag = tagName;
      return coll;
    }
    function composeCollection(CN, ctx, token, props, onError) {
      const tagToken = props.tag;
      const tagName = !tagToken ? null : ctx.directives.tagName(tagToken.source, (msg) => onError(tagToken, "TAG_RESOLVE_FAILED", msg));
      if (token.type === "block-seq") {
        const { anchor, newlineAfterProp: nl } = props;
        const lastProp = anchor && tagToken ? anchor.offset > tagToken.offset ? anchor : tagToken : anchor ?? tagToken;
        if (lastProp && (!nl || nl.offset < lastProp.offset)) {
          const message = "Missing newline after block sequence props";
          onError(lastProp, "MISSING_CHAR", message);
        }
      }
      const expType = token.type === "block-map" ? "map" : token.type === "block-seq" ? "seq" : token.start.source === "{" ? "map" : "seq";
      if (!tagToken || !tagName || tagName === "!" || tagName === YAMLMap.YAMLMap.tagName && expType === "map" || tagName === YAMLSeq.YAMLSeq.tagName && expType === "seq") {
        return resolveCollection(CN, ctx, token, onError, tagName);
      }
      let tag = ctx.schema.tags.find((t) => t.tag === tagName && t.collection === expType);
      if (!tag) {
        const kt = ctx.schema.knownTags[tagName];
        if (kt?.collection === expType) {
          ctx.schema.tags.push(Object.assign({}, kt, { default: false }));
          tag = kt;
        } else {
          if (kt) {
            onError(tagToken, "BAD_COLLECTION_TYPE", `${kt.tag} used for ${expType} collection, but expects ${kt.collection ?? "scalar"}`, true);
          } else {
            onError(tagToken, "TAG_RESOLVE_FAILED", `Unresolved tag: ${tagName}`, true);
          }
          return resolveCollection(CN, ctx, token, onError, tagName);
        }
      }
      const coll = resolveCollection(CN, ctx, token, onError, tagName, tag);
      const res = tag.resolve?.(coll, (msg) => onError(tagToken, "TAG_RESOLVE_FAILED", msg), ctx.options) ?? coll;
      const node = identity.isNode(res) ? res : new Scalar.Scalar(res);
      node.range = coll.range;
      node.tag = tagName;
      if (tag?.format)
        node.format = tag.format;
      return node;
    }
    exports.composeCollection = composeCollection;
  }
});

// node_modules/yaml/dist/compose/resolve-block-scalar.js
var require_resolve_block_scalar = __commonJS({
  "node_modules/yaml/dist/compose/resolve-block-scalar.js"(exports) {
    "use strict";
    var Scalar = require_Scalar();
    function resolveBlockScalar(ctx, scalar, onError) {
      const start = scalar.offset;
      const header = parseBlockScalarHeader(scalar, ctx.options.strict, onError);
      if (!header)
        return { value: "", type: null, comment: "", range: [start, start, start] };
      const type = header.mode === ">" ? Scalar.Scalar.BLOCK_FOLDED : Scalar.Scalar.BLOCK_LITERAL;
      const lines = scalar.source ? splitLines2(scalar.source) : [];
      let chompStart = lines.length;
      for (let i = lines.length - 1; i >= 0; --i) {
        const content = lines[i][1];
        if (content === "" || content === "\r")
          chompStart = i;
        else
          break;
      }
      if (chompStart === 0) {
        const value2 = header.chomp === "+" && lines.length > 0 ? "\n".repeat(Math.max(1, lines.length - 1)) : "";
        let end2 = start + header.length;
        if (scalar.source)
          end2 += scalar.source.length;
        return { value: value2, type, comment: header.comment, range: [start, end2, end2] };
      }
      let trimIndent = scalar.indent + header.indent;
      let offset = scalar.offset + header.length;
      let contentStart = 0;
      for (let i = 0; i < chompStart; ++i) {
        const [indent, content] = lines[i];
        if (content === "" || content === "\r") {
          if (header.indent === 0 && indent.length > trimIndent)
            trimIndent = indent.length;
        } else {
          if (indent.length < trimIndent) {
            const message = "Block scalars with more-indented leading empty lines must use an explicit indentation indicator";
            onError(offset + indent.length, "MISSING_CHAR", message);
          }
          if (header.indent === 0)
            trimIndent = indent.length;
          contentStart = i;
          if (trimIndent === 0 && !ctx.atRoot) {
            const message = "Block scalar values in collections must be indented";
            onError(offset, "BAD_INDENT", message);
          }
          break;
        }
        offset += indent.length + content.length + 1;
      }
      for (let i = lines.length - 1; i >= chompStart; --i) {
        if (lines[i][0].length > trimIndent)
          chompStart = i + 1;
      }
      let value = "";
      let sep = "";
      let prevMoreIndented = false;
      for (let i = 0; i < contentStart; ++i)
        value += lines[i][0].slice(trimIndent) + "\n";
      for (let i = contentStart; i < chompStart; ++i) {
        let [indent, content] = lines[i];
        offset += indent.length + content.length + 1;
        const crlf = content[content.length - 1] === "\r";
        if (crlf)
          content = content.slice(0, -1);
        if (content && indent.length < trimIndent) {
          const src = header.indent ? "explicit indentation indicator" : "first line";
          const message = `Block scalar lines must not be less indented than their ${src}`;
          onError(offset - content.length - (crlf ? 2 : 1), "BAD_INDENT", message);
          indent = "";
        }
        if (type === Scalar.Scalar.BLOCK_LITERAL) {
          value += sep + indent.slice(trimIndent) + content;
          sep = "\n";
        } else if (indent.length > trimIndent || content[0] === "	") {
          if (sep === " ")
            sep = "\n";
          else if (!prevMoreIndented && sep === "\n")
            sep = "\n\n";
          value += sep + indent.slice(trimIndent) + content;
          sep = "\n";
          prevMoreIndented = true;
        } else if (content === "") {
          if (sep === "\n")
            value += "\n";
          else
            sep = "\n";
        } else {
          value += sep + content;
          sep = " ";
          prevMoreIndented = false;
        }
      }
      switch (header.chomp) {
        case "-":
          break;
        case "+":
          for (let i = chompStart; i < lines.length; ++i)
            value += "\n" + lines[i][0].slice(trimIndent);
          if (value[value.length - 1] !== "\n")
            value += "\n";
          break;
        default:
          value += "\n";
      }
      const end = start + header.length + scalar.source.length;
      return { value, type, comment: header.comment, range: [start, end, end] };
    }
    function parseBlockScalarHeader({ offset, props }, strict, onError) {
      if (props[0].type !== "block-scalar-header") {
        onError(props[0], "IMPOSSIBLE", "Block scalar header not found");
        return null;
      }
      const { source } = props[0];
      const mode = source[0];
      let indent = 0;
      let chomp = "";
      let error = -1;
      for (let i = 1; i < source.length; ++i) {
        const ch = source[i];
        if (!chomp && (ch === "-" || ch === "+"))
          chomp = ch;
        else {
          const n = Number(ch);
          if (!indent && n)
            indent = n;
          else if (error === -1)
            error = offset + i;
        }
      }
      if (error !== -1)
        onError(error, "UNEXPECTED_TOKEN", `Block scalar header includes extra characters: ${source}`);
      let hasSpace = false;
      let comment = "";
      let length = source.length;
      for (let i = 1; i < props.length; ++i) {
        const token = props[i];
        switch (token.type) {
          case "space":
            hasSpace = true;
          // fallthrough
          case "newline":
            length += token.source.length;
            break;
          case "comment":
            if (strict && !hasSpace) {
              const message = "Comments must be separated from other tokens by white space characters";
              onError(token, "MISSING_CHAR", message);
            }
            length += token.source.length;
            comment = token.source.substring(1);
            break;
          case "error":
            onError(token, "UNEXPECTED_TOKEN", token.message);
            length += token.source.length;
            break;
          /* istanbul ignore next should not happen */
          default: {
            const message = `Unexpected token in block scalar header: ${token.type}`;
            onError(token, "UNEXPECTED_TOKEN", message);
            const ts = token.source;
            if (ts && typeof ts === "string")
              length += ts.length;
          }
        }
      }
      return { mode, indent, chomp, comment, length };
    }
    function splitLines2(source) {
      const split = source.split(/\n( *)/);
      const first = split[0];
      const m = first.match(/^( *)/);
      const line0 = m?.[1] ? [m[1], first.slice(m[1].length)] : ["", first];
      const lines = [line0];
      for (let i = 1; i < split.length; i += 2)
        lines.push([split[i], split[i + 1]]);
      return lines;
    }
    exports.resolveBlockScalar = resolveBlockScalar;
  }
});

// node_modules/yaml/dist/compose/resolve-flow-scalar.js
var require_resolve_flow_scalar = __commonJS({
  "node_modules/yaml/dist/compose/resolve-flow-scalar.js"(exports) {
    "use strict";
    var Scalar = require_Scalar();
    var resolveEnd = require_resolve_end();
    function resolveFlowScalar(scalar, strict, onError) {
      const { offset, type, source, end } = scalar;
      let _type;
      let value;
      const _onError = (rel, code, msg) => onError(offset + rel, code, msg);
      switch (type) {
        case "scalar":
          _type = Scalar.Scalar.PLAIN;
          value = plainValue(source, _onError);
          break;
        case "single-quoted-scalar":
          _type = Scalar.Scalar.QUOTE_SINGLE;
          value = singleQuotedValue(source, _onError);
          break;
        case "double-quoted-scalar":
          _type = Scalar.Scalar.QUOTE_DOUBLE;
          value = doubleQuotedValue(source, _onError);
          break;
        /* istanbul ignore next should not happen */
        default:
          onError(scalar, "UNEXPECTED_TOKEN", `Expected a flow scalar value, but found: ${type}`);
          return {
            value: "",
            type: null,
            comment: "",
            range: [offset, offset + source.length, offset + source.length]
          };
      }
      const valueEnd = offset + source.length;
      const re = resolveEnd.resolveEnd(end, valueEnd, strict, onError);
      return {
        value,
        type: _type,
        comment: re.comment,
        range: [offset, valueEnd, re.offset]
      };
    }
    function plainValue(source, onError) {
      let badChar = "";
      switch (source[0]) {
        /* istanbul ignore next should not happen */
        case "	":
          badChar = "a tab character";
          break;
        case ",":
          badChar = "flow indicator character ,";
          break;
        case "%":
          badChar = "directive indicator character %";
          break;
        case "|":
        case ">": {
          badChar = `block scalar indicator ${source[0]}`;
          break;
        }
        case "@":
        case "`": {
          badChar = `reserved character ${source[0]}`;
          break;
        }
      }
      if (badChar)
        onError(0, "BAD_SCALAR_START", `Plain value cannot start with ${badChar}`);
      return unfoldLines(source);
    }
    function singleQuotedValue(source, onError) {
      if (source[source.length - 1] !== "'" || source.length === 1)
        onError(source.length, "MISSING_CHAR", "Missing closing 'quote");
      return unfoldLines(source.slice(1, -1)).replace(/''/g, "'");
    }
    function unfoldLines(source) {
      const line = /(.*?)\r?\n/sy;
      let match = line.exec(source);
      if (!match)
        return source;
      let trimEnd, trimBoth;
      try {
        trimEnd = new RegExp("(?<![ 	])[ 	]+$");
        trimBoth = new RegExp("^[ 	]+|(?<![ 	])[ 	]+$", "g");
      } catch {
        trimEnd = /[ \t]+$/;
        trimBoth = /^[ \t]+|[ \t]+$/g;
      }
      let res = match[1].replace(trimEnd, "");
      let sep = " ";
      let pos = line.lastIndex;
      while (match = line.exec(source)) {
        const lm = match[1].replace(trimBoth, "");
        if (lm === "") {
          if (sep === "\n")
            res += sep;
          else
            sep = "\n";
        } else {
          res += sep + lm;
          sep = " ";
        }
        pos = line.lastIndex;
      }
      const last = /[ \t]*(.*)/sy;
      last.lastIndex = pos;
      match = last.exec(source);
      return res + sep + (match?.[1] ?? "");
    }
    function doubleQuotedValue(source, onError) {
      let res = "";
      for (let i = 1; i < source.length - 1; ++i) {
        const ch = source[i];
        if (ch === "\r" && source[i + 1] === "\n")
          continue;
        if (ch === "\n") {
          const { fold, offset } = foldNewline(source, i);
          res += fold;
          i = offset;
        } else if (ch === "\\") {
          let next = source[++i];
          const cc = escapeCodes[next];
          if (cc)
            res += cc;
          else if (next === "\n") {
            next = source[i + 1];
            while (next === " " || next === "	")
              next = source[++i + 1];
          } else if (next === "\r" && source[i + 1] === "\n") {
            next = source[++i + 1];
            while (next === " " || next === "	")
              next = source[++i + 1];
          } else if (next === "x" || next === "u" || next === "U") {
            const length = next === "x" ? 2 : next === "u" ? 4 : 8;
            res += parseCharCode(source, i + 1, length, onError);
            i += length;
          } else {
            const raw = source.substr(i - 1, 2);
            onError(i - 1, "BAD_DQ_ESCAPE", `Invalid escape sequence ${raw}`);
            res += raw;
          }
        } else if (ch === " " || ch === "	") {
          const wsStart = i;
          let next = source[i + 1];
          while (next === " " || next === "	")
            next = source[++i + 1];
          if (next !== "\n" && !(next === "\r" && source[i + 2] === "\n"))
            res += i > wsStart ? source.slice(wsStart, i + 1) : ch;
        } else {
          res += ch;
        }
      }
      if (source[source.length - 1] !== '"' || source.length === 1)
        onError(source.length, "MISSING_CHAR", 'Missing closing "quote');
      return res;
    }
    function foldNewline(source, offset) {
      let fold = "";
      let ch = source[offset + 1];
      while (ch === " " || ch === "	" || ch === "\n" || ch === "\r") {
        if (ch === "\r" && source[offset + 2] !== "\n")
          break;
        if (ch === "\n")
          fold += "\n";
        offset += 1;
        ch = source[offset + 1];
      }
      if (!fold)
        fold = " ";
      return { fold, offset };
    }
    var escapeCodes = {
      "0": "\0",
      // null character
      a: "\x07",
      // bell character
      b: "\b",
      // backspace
      e: "\x1B",
      // escape character
      f: "\f",
      // form feed
      n: "\n",
      // line feed
      r: "\r",
      // carriage return
      t: "	",
      // horizontal tab
      v: "\v",
      // vertical tab
      N: "\x85",
      // Unicode next line
      _: "\xA0",
      // Unicode non-breaking space
      L: "\u2028",
      // Unicode line separator
      P: "\u2029",
      // Unicode paragraph separator
      " ": " ",
      '"': '"',
      "/": "/",
      "\\": "\\",
      "	": "	"
    };
    function parseCharCode(source, offset, length, onError) {
      const cc = source.substr(offset, length);
      const ok = cc.length === length && /^[0-9a-fA-F]+$/.test(cc);
      const code = ok ? parseInt(cc, 16) : NaN;
      try {
        return String.fromCodePoint(code);
      } catch {
        const raw = source.substr(offset - 2, length + 2);
        onError(offset - 2, "BAD_DQ_ESCAPE", `Invalid escape sequence ${raw}`);
        return raw;
      }
    }
    exports.resolveFlowScalar = resolveFlowScalar;
  }
});

// node_modules/yaml/dist/compose/compose-scalar.js
var require_compose_scalar = __commonJS({
  "node_modules/yaml/dist/compose/compose-scalar.js"(exports) {
    "use strict";
    var identity = require_identity();
    var Scalar = require_Scalar();
    var resolveBlockScalar = require_resolve_block_scalar();
    var resolveFlowScalar = require_resolve_flow_scalar();
    function composeScalar(ctx, token, tagToken, onError) {
      const { value, type, comment, range } = token.type === "block-scalar" ? resolveBlockScalar.resolveBlockScalar(ctx, token, onError) : resolveFlowScalar.resolveFlowScalar(token, ctx.options.strict, onError);
      const tagName = tagToken ? ctx.directives.tagName(tagToken.source, (msg) => onError(tagToken, "TAG_RESOLVE_FAILED", msg)) : null;
      let tag;
      if (ctx.options.stringKeys && ctx.atKey) {
        tag = ctx.schema[identity.SCALAR];
      } else if (tagName)
        tag = findScalarTagByName(ctx.schema, value, tagName, tagToken, onError);
      else if (token.type === "scalar")
        tag = findScalarTagByTest(ctx, value, token, onError);
      else
        tag = ctx.schema[identity.SCALAR];
      let scalar;
      try {
        const res = tag.resolve(value, (msg) => onError(tagToken ?? token, "TAG_RESOLVE_FAILED", msg), ctx.options);
        scalar = identity.isScalar(res) ? res : new Scalar.Scalar(res);
      } catch (error) {
        const msg = error instanceof Error ? error.message : String(error);
        onError(tagToken ?? token, "TAG_RESOLVE_FAILED", msg);
        scalar = new Scalar.Scalar(value);
      }
      scalar.range = range;
      scalar.source = value;
      if (type)
        scalar.type = type;
      if (tagName)
        scalar.tag = tagName;
      if (tag.format)
        scalar.format = tag.format;
      if (comment)
        scalar.comment = comment;
      return scalar;
    }
    function findScalarTagByName(schema, value, tagName, tagToken, onError) {
      if (tagName === "!")
        return schema[identity.SCALAR];
      const matchWithTest = [];
      for (const tag of schema.tags) {
        if (!tag.collection && tag.tag === tagName) {
          if (tag.default && tag.test)
            matchWithTest.push(tag);
          else
            return tag;
        }
      }
      for (const tag of matchWithTest)
        if (tag.test?.test(value))
          return tag;
      const kt = schema.knownTags[tagName];
      if (kt && !kt.collection) {
        schema.tags.push(Object.assign({}, kt, { default: false, test: void 0 }));
        return kt;
      }
      onError(tagToken, "TAG_RESOLVE_FAILED", `Unresolved tag: ${tagName}`, tagName !== "tag:yaml.org,2002:str");
      return schema[identity.SCALAR];
    }
    function findScalarTagByTest({ atKey, directives, schema }, value, token, onError) {
      const tag = schema.tags.find((tag2) => (tag2.default === true || atKey && tag2.default === "key") && tag2.test?.test(value)) || schema[identity.SCALAR];
      if (schema.compat) {
        const compat = schema.compat.find((tag2) => tag2.default && tag2.test?.test(value)) ?? schema[identity.SCALAR];
        if (tag.tag !== compat.tag) {
          const ts = directives.tagString(tag.tag);
          const cs = directives.tagString(compat.tag);
          const msg = `Value may be parsed as either ${ts} or ${cs}`;
          onError(token, "TAG_RESOLVE_FAILED", msg, true);
        }
      }
      return tag;
    }
    exports.composeScalar = composeScalar;
  }
});

// node_modules/yaml/dist/compose/util-empty-scalar-position.js
var require_util_empty_scalar_position = __commonJS({
  "node_modules/yaml/dist/compose/util-empty-scalar-position.js"(exports) {
    "use strict";
    function emptyScalarPosition(offset, before, pos) {
      if (before) {
        pos ?? (pos = before.length);
        for (let i = pos - 1; i >= 0; --i) {
          let st = before[i];
          switch (st.type) {
            case "space":
            case "comment":
            case "newline":
              offset -= st.source.length;
              continue;
          }
          st = before[++i];
          while (st?.type === "space") {
            offset += st.source.length;
            st = before[++i];
          }
          break;
        }
      }
      return offset;
    }
    exports.emptyScalarPosition = emptyScalarPosition;
  }
});

// node_modules/yaml/dist/compose/compose-node.js
var require_compose_node = __commonJS({
  "node_modules/yaml/dist/compose/compose-node.js"(exports) {
    "use strict";
    var Alias = require_Alias();
    var identity = require_identity();
    var composeCollection = require_compose_collection();
    var composeScalar = require_compose_scalar();
    var resolveEnd = require_resolve_end();
    var utilEmptyScalarPosition = require_util_empty_scalar_position();
    var CN = { composeNode, composeEmptyNode };
    function composeNode(ctx, token, props, onError) {
      const atKey = ctx.atKey;
      const { spaceBefore, comment, anchor, tag } = props;
      let node;
      let isSrcToken = true;
      switch (token.type) {
        case "alias":
          node = composeAlias(ctx, token, onError);
          if (anchor || tag)
            onError(token, "ALIAS_PROPS", "An alias node must not specify any properties");
          break;
        case "scalar":
        case "single-quoted-scalar":
        case "double-quoted-scalar":
        case "block-scalar":
          node = composeScalar.composeScalar(ctx, token, tag, onError);
          if (anchor)
            node.anchor = anchor.source.substring(1);
          break;
        case "block-map":
        case "block-seq":
        case "flow-collection":
          try {
            node = composeCollection.composeCollection(CN, ctx, token, props, onError);
            if (anchor)
              node.anchor = anchor.source.substring(1);
          } catch (error) {
            const message = error instanceof Error ? error.message : String(error);
            onError(token, "RESOURCE_EXHAUSTION", message);
          }
          break;
        default: {
          const message = token.type === "error" ? token.message : `Unsupported token (type: ${token.type})`;
          onError(token, "UNEXPECTED_TOKEN", message);
          isSrcToken = false;
        }
      }
      node ?? (node = composeEmptyNode(ctx, token.offset, void 0, null, props, onError));
      if (anchor && node.anchor === "")
        onError(anchor, "BAD_ALIAS", "Anchor cannot be an empty string");
      if (atKey && ctx.options.stringKeys && (!identity.isScalar(node) || typeof node.value !== "string" || node.tag && node.tag !== "tag:yaml.org,2002:str")) {
        const msg = "With stringKeys, all keys must be strings";
        onError(tag ?? token, "NON_STRING_KEY", msg);
      }
      if (spaceBefore)
        node.spaceBefore = true;
      if (comment) {
        if (token.type === "scalar" && token.source === "")
          node.comment = comment;
        else
          node.commentBefore = comment;
      }
      if (ctx.options.keepSourceTokens && isSrcToken)
        node.srcToken = token;
      return node;
    }
    function composeEmptyNode(ctx, offset, before, pos, { spaceBefore, comment, anchor, tag, end }, onError) {
      const token = {
        type: "scalar",
        offset: utilEmptyScalarPosition.emptyScalarPosition(offset, before, pos),
        indent: -1,
        source: ""
      };
      const node = composeScalar.composeScalar(ctx, token, tag, onError);
      if (anchor) {
        node.anchor = anchor.source.substring(1);
        if (node.anchor === "")
          onError(anchor, "BAD_ALIAS", "Anchor cannot be an empty string");
      }
      if (spaceBefore)
        node.spaceBefore = true;
      if (comment) {
        node.comment = comment;
        node.range[2] = end;
      }
      return node;
    }
    function composeAlias({ options: options2 }, { offset, source, end }, onError) {
      const alias = new Alias.Alias(source.substring(1));
      if (alias.source === "")
        onError(offset, "BAD_ALIAS", "Alias cannot be an empty string");
      if (alias.source.endsWith(":"))
        onError(offset + source.length - 1, "BAD_ALIAS", "Alias ending in : is ambiguous", true);
      const valueEnd = offset + source.length;
      const re = resolveEnd.resolveEnd(end, valueEnd, options2.strict, onError);
      alias.range = [offset, valueEnd, re.offset];
      if (re.comment)
        alias.comment = re.comment;
      return alias;
    }
    exports.composeEmptyNode = composeEmptyNode;
    exports.composeNode = composeNode;
  }
});

// node_modules/yaml/dist/compose/compose-doc.js
var require_compose_doc = __commonJS({
  "node_modules/yaml/dist/compose/compose-doc.js"(exports) {
    "use strict";
    var Document = require_Document();
    var composeNode = require_compose_node();
    var resolveEnd = require_resolve_end();
    var resolveProps = require_resolve_props();
    function composeDoc(options2, directives, { offset, start, value, end }, onError) {
      const opts = Object.assign({ _directives: directives }, options2);
      const doc = new Document.Document(void 0, opts);
      const ctx = {
        atKey: false,
        atRoot: true,
        directives: doc.directives,
        options: doc.options,
        schema: doc.schema
      };
      const props = resolveProps.resolveProps(start, {
        indicator: "doc-start",
        next: value ?? end?.[0],
        offset,
        onError,
        parentIndent: 0,
        startOnNewline: true
      });
      if (props.found) {
        doc.directives.docStart = true;
        if (value && (value.type === "block-map" || value.type === "block-seq") && !props.hasNewline)
          onError(props.end, "MISSING_CHAR", "Block collection cannot start on same line with directives-end marker");
      }
      doc.contents = value ? composeNode.composeNode(ctx, value, props, onError) : composeNode.composeEmptyNode(ctx, props.end, start, null, props, onError);
      const contentEnd = doc.contents.range[2];
      const re = resolveEnd.resolveEnd(end, contentEnd, false, onError);
      if (re.comment)
        doc.comment = re.comment;
      doc.range = [offset, contentEnd, re.offset];
      return doc;
    }
    exports.composeDoc = composeDoc;
  }
});

// node_modules/yaml/dist/compose/composer.js
var require_composer = __commonJS({
  "node_modules/yaml/dist/compose/composer.js"(exports) {
    "use strict";
    var node_process = __require("process");
    var directives = require_directives();
    var Document = require_Document();
    var errors = require_errors();
    var identity = require_identity();
    var composeDoc = require_compose_doc();
    var resolveEnd = require_resolve_end();
    function getErrorPos(src) {
      if (typeof src === "number")
        return [src, src + 1];
      if (Array.isArray(src))
        return src.length === 2 ? src : [src[0], src[1]];
      const { offset, source } = src;
      return [offset, offset + (typeof source === "string" ? source.length : 1)];
    }
    function parsePrelude(prelude) {
      let comment = "";
      let atComment = false;
      let afterEmptyLine = false;
      for (let i = 0; i < prelude.length; ++i) {
        const source = prelude[i];
        switch (source[0]) {
          case "#":
            comment += (comment === "" ? "" : afterEmptyLine ? "\n\n" : "\n") + (source.substring(1) || " ");
            atComment = true;
            afterEmptyLine = false;
            break;
          case "%":
            if (prelude[i + 1]?.[0] !== "#")
              i += 1;
            atComment = false;
            break;
          default:
            if (!atComment)
              afterEmptyLine = true;
            atComment = false;
        }
      }
      return { comment, afterEmptyLine };
    }
    var Composer = class {
      constructor(options2 = {}) {
        this.doc = null;
        this.atDirectives = false;
        this.prelude = [];
        this.errors = [];
        this.warnings = [];
        this.onError = (source, code, message, warning) => {
          const pos = getErrorPos(source);
          if (warning)
            this.warnings.push(new errors.YAMLWarning(pos, code, message));
          else
            this.errors.push(new errors.YAMLParseError(pos, code, message));
        };
        this.directives = new directives.Directives({ version: options2.version || "1.2" });
        this.options = options2;
      }
      decorate(doc, afterDoc) {
        const { comment, afterEmptyLine } = parsePrelude(this.prelude);
        if (comment) {
          const dc = doc.contents;
          if (afterDoc) {
            doc.comment = doc.comment ? `${doc.comment}
${comment}` : comment;
          } else if (afterEmptyLine || doc.directives.docStart || !dc) {
            doc.commentBefore = comment;
          } else if (identity.isCollection(dc) && !dc.flow && dc.items.length > 0) {
            let it = dc.items[0];
            if (identity.isPair(it))
              it = it.key;
            const cb = it.commentBefore;
            it.commentBefore = cb ? `${comment}
${cb}` : comment;
          } else {
            const cb = dc.commentBefore;
            dc.commentBefore = cb ? `${comment}
${cb}` : comment;
          }
        }
        if (afterDoc) {
          for (let i = 0; i < this.errors.length; ++i)
            doc.errors.push(this.errors[i]);
          for (let i = 0; i < this.warnings.length; ++i)
            doc.warnings.push(this.warnings[i]);
        } else {
          doc.errors = this.errors;
          doc.warnings = this.warnings;
        }
        this.prelude = [];
        this.errors = [];
        this.warnings = [];
      }
      /**
       * Current stream status information.
       *
       * Mostly useful at the end of input for an empty stream.
       */
      streamInfo() {
        return {
          comment: parsePrelude(this.prelude).comment,
          directives: this.directives,
          errors: this.errors,
          warnings: this.warnings
        };
      }
      /**
       * Compose tokens into documents.
       *
       * @param forceDoc - If the stream contains no document, still emit a final document including any comments and directives that would be applied to a subsequent document.
       * @param endOffset - Should be set if `forceDoc` is also set, to set the document range end and to indicate errors correctly.
       */
      *compose(tokens, forceDoc = false, endOffset = -1) {
        for (const token of tokens)
          yield* this.next(token);
        yield* this.end(forceDoc, endOffset);
      }
      /** Advance the composer by one CST token. */
      *next(token) {
        if (node_process.env.LOG_STREAM)
          console.dir(token, { depth: null });
        switch (token.type) {
          case "directive":
            this.directives.add(token.source, (offset, message, warning) => {
              const pos = getErrorPos(token);
              pos[0] += offset;
              this.onError(pos, "BAD_DIRECTIVE", message, warning);
            });
            this.prelude.push(token.source);
            this.atDirectives = true;
            break;
          case "document": {
            const doc = composeDoc.composeDoc(this.options, this.directives, token, this.onError);
            if (this.atDirectives && !doc.directives.docStart)
              this.onError(token, "MISSING_CHAR", "Missing directives-end/doc-start indicator line");
            this.decorate(doc, false);
            if (this.doc)
              yield this.doc;
            this.doc = doc;
            this.atDirectives = false;
            break;
          }
          case "byte-order-mark":
          case "space":
            break;
          case "comment":
          case "newline":
            this.prelude.push(token.source);
            break;
          case "error": {
            const msg = token.source ? `${token.message}: ${JSON.stringify(token.source)}` : token.message;
            const error = new errors.YAMLParseError(getErrorPos(token), "UNEXPECTED_TOKEN", msg);
            if (this.atDirectives || !this.doc)
              this.errors.push(error);
            else
              this.doc.errors.push(error);
            break;
          }
          case "doc-end": {
            if (!this.doc) {
              const msg = "Unexpected doc-end without preceding document";
              this.errors.push(new errors.YAMLParseError(getErrorPos(token), "UNEXPECTED_TOKEN", msg));
              break;
            }
            this.doc.directives.docEnd = true;
            const end = resolveEnd.resolveEnd(token.end, token.offset + token.source.length, this.doc.options.strict, this.onError);
            this.decorate(this.doc, true);
            if (end.comment) {
              const dc = this.doc.comment;
              this.doc.comment = dc ? `${dc}
${end.comment}` : end.comment;
            }
            this.doc.range[2] = end.offset;
            break;
          }
          default:
            this.errors.push(new errors.YAMLParseError(getErrorPos(token), "UNEXPECTED_TOKEN", `Unsupported token ${token.type}`));
        }
      }
      /**
       * Call at end of input to yield any remaining document.
       *
       * @param forceDoc - If the stream contains no document, still emit a final document including any comments and directives that would be applied to a subsequent document.
       * @param endOffset - Should be set if `forceDoc` is also set, to set the document range end and to indicate errors correctly.
       */
      *end(forceDoc = false, endOffset = -1) {
        if (this.doc) {
          this.decorate(this.doc, true);
          yield this.doc;
          this.doc = null;
        } else if (forceDoc) {
          const opts = Object.assign({ _directives: this.directives }, this.options);
          const doc = new Document.Document(void 0, opts);
          if (this.atDirectives)
            this.onError(endOffset, "MISSING_CHAR", "Missing directives-end indicator line");
          doc.range = [0, endOffset, endOffset];
          this.decorate(doc, false);
          yield doc;
        }
      }
    };
    exports.Composer = Composer;
  }
});

// node_modules/yaml/dist/parse/cst-scalar.js
var require_cst_scalar = __commonJS({
  "node_modules/yaml/dist/parse/cst-scalar.js"(exports) {
    "use strict";
    var resolveBlockScalar = require_resolve_block_scalar();
    var resolveFlowScalar = require_resolve_flow_scalar();
    var errors = require_errors();
    var stringifyString = require_stringifyString();
    function resolveAsScalar(token, strict = true, onError) {
      if (token) {
        const _onError = (pos, code, message) => {
          const offset = typeof pos === "number" ? pos : Array.isArray(pos) ? pos[0] : pos.offset;
          if (onError)
            onError(offset, code, message);
          else
            throw new errors.YAMLParseError([offset, offset + 1], code, message);
        };
        switch (token.type) {
          case "scalar":
          case "single-quoted-scalar":
          case "double-quoted-scalar":
            return resolveFlowScalar.resolveFlowScalar(token, strict, _onError);
          case "block-scalar":
            return resolveBlockScalar.resolveBlockScalar({ options: { strict } }, token, _onError);
        }
      }
      return null;
    }
    function createScalarToken(value, context) {
      const { implicitKey = false, indent, inFlow = false, offset = -1, type = "PLAIN" } = context;
      const source = stringifyString.stringifyString({ type, value }, {
        implicitKey,
        indent: indent > 0 ? " ".repeat(indent) : "",
        inFlow,
        options: { blockQuote: true, lineWidth: -1 }
      });
      const end = context.end ?? [
        { type: "newline", offset: -1, indent, source: "\n" }
      ];
      switch (source[0]) {
        case "|":
        case ">": {
          const he = source.indexOf("\n");
          const head = source.substring(0, he);
          const body = source.substring(he + 1) + "\n";
          const props = [
            { type: "block-scalar-header", offset, indent, source: head }
          ];
          if (!addEndtoBlockProps(props, end))
            props.push({ type: "newline", offset: -1, indent, source: "\n" });
          return { type: "block-scalar", offset, indent, props, source: body };
        }
        case '"':
          return { type: "double-quoted-scalar", offset, indent, source, end };
        case "'":
          return { type: "single-quoted-scalar", offset, indent, source, end };
        default:
          return { type: "scalar", offset, indent, source, end };
      }
    }
    function setScalarValue(token, value, context = {}) {
      let { afterKey = false, implicitKey = false, inFlow = false, type } = context;
      let indent = "indent" in token ? token.indent : null;
      if (afterKey && typeof indent === "number")
        indent += 2;
      if (!type)
        switch (token.type) {
          case "single-quoted-scalar":
            type = "QUOTE_SINGLE";
            break;
          case "double-quoted-scalar":
            type = "QUOTE_DOUBLE";
            break;
          case "block-scalar": {
            const header = token.props[0];
            if (header.type !== "block-scalar-header")
              throw new Error("Invalid block scalar header");
            type = header.source[0] === ">" ? "BLOCK_FOLDED" : "BLOCK_LITERAL";
            break;
          }
          default:
            type = "PLAIN";
        }
      const source = stringifyString.stringifyString({ type, value }, {
        implicitKey: implicitKey || indent === null,
        indent: indent !== null && indent > 0 ? " ".repeat(indent) : "",
        inFlow,
        options: { blockQuote: true, lineWidth: -1 }
      });
      switch (source[0]) {
        case "|":
        case ">":
          setBlockScalarValue(token, source);
          break;
        case '"':
          setFlowScalarValue(token, source, "double-quoted-scalar");
          break;
        case "'":
          setFlowScalarValue(token, source, "single-quoted-scalar");
          break;
        default:
          setFlowScalarValue(token, source, "scalar");
      }
    }
    function setBlockScalarValue(token, source) {
      const he = source.indexOf("\n");
      const head = source.substring(0, he);
      const body = source.substring(he + 1) + "\n";
      if (token.type === "block-scalar") {
        const header = token.props[0];
        if (header.type !== "block-scalar-header")
          throw new Error("Invalid block scalar header");
        header.source = head;
        token.source = body;
      } else {
        const { offset } = token;
        const indent = "indent" in token ? token.indent : -1;
        const props = [
          { type: "block-scalar-header", offset, indent, source: head }
        ];
        if (!addEndtoBlockProps(props, "end" in token ? token.end : void 0))
          props.push({ type: "newline", offset: -1, indent, source: "\n" });
        for (const key of Object.keys(token))
          if (key !== "type" && key !== "offset")
            delete token[key];
        Object.assign(token, { type: "block-scalar", indent, props, source: body });
      }
    }
    function addEndtoBlockProps(props, end) {
      if (end)
        for (const st of end)
          switch (st.type) {
            case "space":
            case "comment":
              props.push(st);
              break;
            case "newline":
              props.push(st);
              return true;
          }
      return false;
    }
    function setFlowScalarValue(token, source, type) {
      switch (token.type) {
        case "scalar":
        case "double-quoted-scalar":
        case "single-quoted-scalar":
          token.type = type;
          token.source = source;
          break;
        case "block-scalar": {
          const end = token.props.slice(1);
          let oa = source.length;
          if (token.props[0].type === "block-scalar-header")
            oa -= token.props[0].source.length;
          for (const tok of end)
            tok.offset += oa;
          delete token.props;
          Object.assign(token, { type, source, end });
          break;
        }
        case "block-map":
        case "block-seq": {
          const offset = token.offset + source.length;
          const nl = { type: "newline", offset, indent: token.indent, source: "\n" };
          delete token.items;
          Object.assign(token, { type, source, end: [nl] });
          break;
        }
        default: {
          const indent = "indent" in token ? token.indent : -1;
          const end = "end" in token && Array.isArray(token.end) ? token.end.filter((st) => st.type === "space" || st.type === "comment" || st.type === "newline") : [];
          for (const key of Object.keys(token))
            if (key !== "type" && key !== "offset")
              delete token[key];
          Object.assign(token, { type, indent, source, end });
        }
      }
    }
    exports.createScalarToken = createScalarToken;
    exports.resolveAsScalar = resolveAsScalar;
    exports.setScalarValue = setScalarValue;
  }
});

// node_modules/yaml/dist/parse/cst-stringify.js
var require_cst_stringify = __commonJS({
  "node_modules/yaml/dist/parse/cst-stringify.js"(exports) {
    "use strict";
    var stringify = (cst) => "type" in cst ? stringifyToken(cst) : stringifyItem(cst);
    function stringifyToken(token) {
      switch (token.type) {
        case "block-scalar": {
          let res = "";
          for (const tok of token.props)
            res += stringifyToken(tok);
          return res + token.source;
        }
        case "block-map":
        case "block-seq": {
          let res = "";
          for (const item of token.items)
            res += stringifyItem(item);
          return res;
        }
        case "flow-collection": {
          let res = token.start.source;
          for (const item of token.items)
            res += stringifyItem(item);
          for (const st of token.end)
            res += st.source;
          return res;
        }
        case "document": {
          let res = stringifyItem(token);
          if (token.end)
            for (const st of token.end)
              res += st.source;
          return res;
        }
        default: {
          let res = token.source;
          if ("end" in token && token.end)
            for (const st of token.end)
              res += st.source;
          return res;
        }
      }
    }
    function stringifyItem({ start, key, sep, value }) {
      let res = "";
      for (const st of start)
        res += st.source;
      if (key)
        res += stringifyToken(key);
      if (sep)
        for (const st of sep)
          res += st.source;
      if (value)
        res += stringifyToken(value);
      return res;
    }
    exports.stringify = stringify;
  }
});

// node_modules/yaml/dist/parse/cst-visit.js
var require_cst_visit = __commonJS({
  "node_modules/yaml/dist/parse/cst-visit.js"(exports) {
    "use strict";
    var BREAK = /* @__PURE__ */ Symbol("break visit");
    var SKIP = /* @__PURE__ */ Symbol("skip children");
    var REMOVE = /* @__PURE__ */ Symbol("remove item");
    function visit(cst, visitor) {
      if ("type" in cst && cst.type === "document")
        cst = { start: cst.start, value: cst.value };
      _visit(Object.freeze([]), cst, visitor);
    }
    visit.BREAK = BREAK;
    visit.SKIP = SKIP;
    visit.REMOVE = REMOVE;
    visit.itemAtPath = (cst, path39) => {
      let item = cst;
      for (const [field, index] of path39) {
        const tok = item?.[field];
        if (tok && "items" in tok) {
          item = tok.items[index];
        } else
          return void 0;
      }
      return item;
    };
    visit.parentCollection = (cst, path39) => {
      const parent = visit.itemAtPath(cst, path39.slice(0, -1));
      const field = path39[path39.length - 1][0];
      const coll = parent?.[field];
      if (coll && "items" in coll)
        return coll;
      throw new Error("Parent collection not found");
    };
    function _visit(path39, item, visitor) {
      let ctrl = visitor(item, path39);
      if (typeof ctrl === "symbol")
        return ctrl;
      for (const field of ["key", "value"]) {
        const token = item[field];
        if (token && "items" in token) {
          for (let i = 0; i < token.items.length; ++i) {
            const ci = _visit(Object.freeze(path39.concat([[field, i]])), token.items[i], visitor);
            if (typeof ci === "number")
              i = ci - 1;
            else if (ci === BREAK)
              return BREAK;
            else if (ci === REMOVE) {
              token.items.splice(i, 1);
              i -= 1;
            }
          }
          if (typeof ctrl === "function" && field === "key")
            ctrl = ctrl(item, path39);
        }
      }
      return typeof ctrl === "function" ? ctrl(item, path39) : ctrl;
    }
    exports.visit = visit;
  }
});

// node_modules/yaml/dist/parse/cst.js
var require_cst = __commonJS({
  "node_modules/yaml/dist/parse/cst.js"(exports) {
    "use strict";
    var cstScalar = require_cst_scalar();
    var cstStringify = require_cst_stringify();
    var cstVisit = require_cst_visit();
    var BOM = "\uFEFF";
    var DOCUMENT = "";
    var FLOW_END = "";
    var SCALAR = "";
    var isCollection = (token) => !!token && "items" in token;
    var isScalar = (token) => !!token && (token.type === "scalar" || token.type === "single-quoted-scalar" || token.type === "double-quoted-scalar" || token.type === "block-scalar");
    function prettyToken(token) {
      switch (token) {
        case BOM:
          return "<BOM>";
        case DOCUMENT:
          return "<DOC>";
        case FLOW_END:
          return "<FLOW_END>";
        case SCALAR:
          return "<SCALAR>";
        default:
          return JSON.stringify(token);
      }
    }
    function tokenType(source) {
      switch (source) {
        case BOM:
          return "byte-order-mark";
        case DOCUMENT:
          return "doc-mode";
        case FLOW_END:
          return "flow-error-end";
        case SCALAR:
          return "scalar";
        case "---":
          return "doc-start";
        case "...":
          return "doc-end";
        case "":
        case "\n":
        case "\r\n":
          return "newline";
        case "-":
          return "seq-item-ind";
        case "?":
          return "explicit-key-ind";
        case ":":
          return "map-value-ind";
        case "{":
          return "flow-map-start";
        case "}":
          return "flow-map-end";
        case "[":
          return "flow-seq-start";
        case "]":
          return "flow-seq-end";
        case ",":
          return "comma";
      }
      switch (source[0]) {
        case " ":
        case "	":
          return "space";
        case "#":
          return "comment";
        case "%":
          return "directive-line";
        case "*":
          return "alias";
        case "&":
          return "anchor";
        case "!":
          return "tag";
        case "'":
          return "single-quoted-scalar";
        case '"':
          return "double-quoted-scalar";
        case "|":
        case ">":
          return "block-scalar-header";
      }
      return null;
    }
    exports.createScalarToken = cstScalar.createScalarToken;
    exports.resolveAsScalar = cstScalar.resolveAsScalar;
    exports.setScalarValue = cstScalar.setScalarValue;
    exports.stringify = cstStringify.stringify;
    exports.visit = cstVisit.visit;
    exports.BOM = BOM;
    exports.DOCUMENT = DOCUMENT;
    exports.FLOW_END = FLOW_END;
    exports.SCALAR = SCALAR;
    exports.isCollection = isCollection;
    exports.isScalar = isScalar;
    exports.prettyToken = prettyToken;
    exports.tokenType = tokenType;
  }
});

// node_modules/yaml/dist/parse/lexer.js
var require_lexer = __commonJS({
  "node_modules/yaml/dist/parse/lexer.js"(exports) {
    "use strict";
    var cst = require_cst();
    function isEmpty(ch) {
      switch (ch) {
        case void 0:
        case " ":
        case "\n":
        case "\r":
        case "	":
          return true;
        default:
          return false;
      }
    }
    var hexDigits = new Set("0123456789ABCDEFabcdef");
    var tagChars = new Set("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-#;/?:@&=+$_.!~*'()");
    var flowIndicatorChars = new Set(",[]{}");
    var invalidAnchorChars = new Set(" ,[]{}\n\r	");
    var isNotAnchorChar = (ch) => !ch || invalidAnchorChars.has(ch);
    var Lexer = class {
      constructor() {
        this.atEnd = false;
        this.blockScalarIndent = -1;
        this.blockScalarKeep = false;
        this.buffer = "";
        this.flowKey = false;
        this.flowLevel = 0;
        this.indentNext = 0;
        this.indentValue = 0;
        this.lineEndPos = null;
        this.next = null;
        this.pos = 0;
      }
      /**
       * Generate YAML tokens from the `source` string. If `incomplete`,
       * a part of the last line may be left as a buffer for the next call.
       *
       * @returns A generator of lexical tokens
       */
      *lex(source, incomplete = false) {
        if (source) {
          if (typeof source !== "string")
            throw TypeError("source is not a string");
          this.buffer = this.buffer ? this.buffer + source : source;
          this.lineEndPos = null;
        }
        this.atEnd = !incomplete;
        let next = this.next ?? "stream";
        while (next && (incomplete || this.hasChars(1)))
          next = yield* this.parseNext(next);
      }
      atLineEnd() {
        let i = this.pos;
        let ch = this.buffer[i];
        while (ch === " " || ch === "	")
          ch = this.buffer[++i];
        if (!ch || ch === "#" || ch === "\n")
          return true;
        if (ch === "\r")
          return this.buffer[i + 1] === "\n";
        return false;
      }
      charAt(n) {
        return this.buffer[this.pos + n];
      }
      continueScalar(offset) {
        let ch = this.buffer[offset];
        if (this.indentNext > 0) {
          let indent = 0;
          while (ch === " ")
            ch = this.buffer[++indent + offset];
          if (ch === "\r") {
            const next = this.buffer[indent + offset + 1];
            if (next === "\n" || !next && !this.atEnd)
              return offset + indent + 1;
          }
          return ch === "\n" || indent >= this.indentNext || !ch && !this.atEnd ? offset + indent : -1;
        }
        if (ch === "-" || ch === ".") {
          const dt = this.buffer.substr(offset, 3);
          if ((dt === "---" || dt === "...") && isEmpty(this.buffer[offset + 3]))
            return -1;
        }
        return offset;
      }
      getLine() {
        let end = this.lineEndPos;
        if (typeof end !== "number" || end !== -1 && end < this.pos) {
          end = this.buffer.indexOf("\n", this.pos);
          this.lineEndPos = end;
        }
        if (end === -1)
          return this.atEnd ? this.buffer.substring(this.pos) : null;
        if (this.buffer[end - 1] === "\r")
          end -= 1;
        return this.buffer.substring(this.pos, end);
      }
      hasChars(n) {
        return this.pos + n <= this.buffer.length;
      }
      setNext(state) {
        this.buffer = this.buffer.substring(this.pos);
        this.pos = 0;
        this.lineEndPos = null;
        this.next = state;
        return null;
      }
      peek(n) {
        return this.buffer.substr(this.pos, n);
      }
      *parseNext(next) {
        switch (next) {
          case "stream":
            return yield* this.parseStream();
          case "line-start":
            return yield* this.parseLineStart();
          case "block-start":
            return yield* this.parseBlockStart();
          case "doc":
            return yield* this.parseDocument();
          case "flow":
            return yield* this.parseFlowCollection();
          case "quoted-scalar":
            return yield* this.parseQuotedScalar();
          case "block-scalar":
            return yield* this.parseBlockScalar();
          case "plain-scalar":
            return yield* this.parsePlainScalar();
        }
      }
      *parseStream() {
        let line = this.getLine();
        if (line === null)
          return this.setNext("stream");
        if (line[0] === cst.BOM) {
          yield* this.pushCount(1);
          line = line.substring(1);
        }
        if (line[0] === "%") {
          let dirEnd = line.length;
          let cs = line.indexOf("#");
          while (cs !== -1) {
            const ch = line[cs - 1];
            if (ch === " " || ch === "	") {
              dirEnd = cs - 1;
              break;
            } else {
              cs = line.indexOf("#", cs + 1);
            }
          }
          while (true) {
            const ch = line[dirEnd - 1];
            if (ch === " " || ch === "	")
              dirEnd -= 1;
            else
              break;
          }
          const n = (yield* this.pushCount(dirEnd)) + (yield* this.pushSpaces(true));
          yield* this.pushCount(line.length - n);
          this.pushNewline();
          return "stream";
        }
        if (this.atLineEnd()) {
          const sp = yield* this.pushSpaces(true);
          yield* this.pushCount(line.length - sp);
          yield* this.pushNewline();
          return "stream";
        }
        yield cst.DOCUMENT;
        return yield* this.parseLineStart();
      }
      *parseLineStart() {
        const ch = this.charAt(0);
        if (!ch && !this.atEnd)
          return this.setNext("line-start");
        if (ch === "-" || ch === ".") {
          if (!this.atEnd && !this.hasChars(4))
            return this.setNext("line-start");
          const s = this.peek(3);
          if ((s === "---" || s === "...") && isEmpty(this.charAt(3))) {
            yield* this.pushCount(3);
            this.indentValue = 0;
            this.indentNext = 0;
            return s === "---" ? "doc" : "stream";
          }
        }
        this.indentValue = yield* this.pushSpaces(false);
        if (this.indentNext > this.indentValue && !isEmpty(this.charAt(1)))
          this.indentNext = this.indentValue;
        return yield* this.parseBlockStart();
      }
      *parseBlockStart() {
        const [ch0, ch1] = this.peek(2);
        if (!ch1 && !this.atEnd)
          return this.setNext("block-start");
        if ((ch0 === "-" || ch0 === "?" || ch0 === ":") && isEmpty(ch1)) {
          const n = (yield* this.pushCount(1)) + (yield* this.pushSpaces(true));
          this.indentNext = this.indentValue + 1;
          this.indentValue += n;
          return "block-start";
        }
        return "doc";
      }
      *parseDocument() {
        yield* this.pushSpaces(true);
        const line = this.getLine();
        if (line === null)
          return this.setNext("doc");
        let n = yield* this.pushIndicators();
        switch (line[n]) {
          case "#":
            yield* this.pushCount(line.length - n);
          // fallthrough
          case void 0:
            yield* this.pushNewline();
            return yield* this.parseLineStart();
          case "{":
          case "[":
            yield* this.pushCount(1);
            this.flowKey = false;
            this.flowLevel = 1;
            return "flow";
          case "}":
          case "]":
            yield* this.pushCount(1);
            return "doc";
          case "*":
            yield* this.pushUntil(isNotAnchorChar);
            return "doc";
          case '"':
          case "'":
            return yield* this.parseQuotedScalar();
          case "|":
          case ">":
            n += yield* this.parseBlockScalarHeader();
            n += yield* this.pushSpaces(true);
            yield* this.pushCount(line.length - n);
            yield* this.pushNewline();
            return yield* this.parseBlockScalar();
          default:
            return yield* this.parsePlainScalar();
        }
      }
      *parseFlowCollection() {
        let nl, sp;
        let indent = -1;
        do {
          nl = yield* this.pushNewline();
          if (nl > 0) {
            sp = yield* this.pushSpaces(false);
            this.indentValue = indent = sp;
          } else {
            sp = 0;
          }
          sp += yield* this.pushSpaces(true);
        } while (nl + sp > 0);
        const line = this.getLine();
        if (line === null)
          return this.setNext("flow");
        if (indent !== -1 && indent < this.indentNext && line[0] !== "#" || indent === 0 && (line.startsWith("---") || line.startsWith("...")) && isEmpty(line[3])) {
          const atFlowEndMarker = indent === this.indentNext - 1 && this.flowLevel === 1 && (line[0] === "]" || line[0] === "}");
          if (!atFlowEndMarker) {
            this.flowLevel = 0;
            yield cst.FLOW_END;
            return yield* this.parseLineStart();
          }
        }
        let n = 0;
        while (line[n] === ",") {
          n += yield* this.pushCount(1);
          n += yield* this.pushSpaces(true);
          this.flowKey = false;
        }
        n += yield* this.pushIndicators();
        switch (line[n]) {
          case void 0:
            return "flow";
          case "#":
            yield* this.pushCount(line.length - n);
            return "flow";
          case "{":
          case "[":
            yield* this.pushCount(1);
            this.flowKey = false;
            this.flowLevel += 1;
            return "flow";
          case "}":
          case "]":
            yield* this.pushCount(1);
            this.flowKey = true;
            this.flowLevel -= 1;
            return this.flowLevel ? "flow" : "doc";
          case "*":
            yield* this.pushUntil(isNotAnchorChar);
            return "flow";
          case '"':
          case "'":
            this.flowKey = true;
            return yield* this.parseQuotedScalar();
          case ":": {
            const next = this.charAt(1);
            if (this.flowKey || isEmpty(next) || next === ",") {
              this.flowKey = false;
              yield* this.pushCount(1);
              yield* this.pushSpaces(true);
              return "flow";
            }
          }
          // fallthrough
          default:
            this.flowKey = false;
            return yield* this.parsePlainScalar();
        }
      }
      *parseQuotedScalar() {
        const quote = this.charAt(0);
        let end = this.buffer.indexOf(quote, this.pos + 1);
        if (quote === "'") {
          while (end !== -1 && this.buffer[end + 1] === "'")
            end = this.buffer.indexOf("'", end + 2);
        } else {
          while (end !== -1) {
            let n = 0;
            while (this.buffer[end - 1 - n] === "\\")
              n += 1;
            if (n % 2 === 0)
              break;
            end = this.buffer.indexOf('"', end + 1);
          }
        }
        const qb = this.buffer.substring(0, end);
        let nl = qb.indexOf("\n", this.pos);
        if (nl !== -1) {
          while (nl !== -1) {
            const cs = this.continueScalar(nl + 1);
            if (cs === -1)
              break;
            nl = qb.indexOf("\n", cs);
          }
          if (nl !== -1) {
            end = nl - (qb[nl - 1] === "\r" ? 2 : 1);
          }
        }
        if (end === -1) {
          if (!this.atEnd)
            return this.setNext("quoted-scalar");
          end = this.buffer.length;
        }
        yield* this.pushToIndex(end + 1, false);
        return this.flowLevel ? "flow" : "doc";
      }
      *parseBlockScalarHeader() {
        this.blockScalarIndent = -1;
        this.blockScalarKeep = false;
        let i = this.pos;
        while (true) {
          const ch = this.buffer[++i];
          if (ch === "+")
            this.blockScalarKeep = true;
          else if (ch > "0" && ch <= "9")
            this.blockScalarIndent = Number(ch) - 1;
          else if (ch !== "-")
            break;
        }
        return yield* this.pushUntil((ch) => isEmpty(ch) || ch === "#");
      }
      *parseBlockScalar() {
        let nl = this.pos - 1;
        let indent = 0;
        let ch;
        loop: for (let i2 = this.pos; ch = this.buffer[i2]; ++i2) {
          switch (ch) {
            case " ":
              indent += 1;
              break;
            case "\n":
              nl = i2;
              indent = 0;
              break;
            case "\r": {
              const next = this.buffer[i2 + 1];
              if (!next && !this.atEnd)
                return this.setNext("block-scalar");
              if (next === "\n")
                break;
            }
            // fallthrough
            default:
              break loop;
          }
        }
        if (!ch && !this.atEnd)
          return this.setNext("block-scalar");
        if (indent >= this.indentNext) {
          if (this.blockScalarIndent === -1)
            this.indentNext = indent;
          else {
            this.indentNext = this.blockScalarIndent + (this.indentNext === 0 ? 1 : this.indentNext);
          }
          do {
            const cs = this.continueScalar(nl + 1);
            if (cs === -1)
              break;
            nl = this.buffer.indexOf("\n", cs);
          } while (nl !== -1);
          if (nl === -1) {
            if (!this.atEnd)
              return this.setNext("block-scalar");
            nl = this.buffer.length;
          }
        }
        let i = nl + 1;
        ch = this.buffer[i];
        while (ch === " ")
          ch = this.buffer[++i];
        if (ch === "	") {
          while (ch === "	" || ch === " " || ch === "\r" || ch === "\n")
            ch = this.buffer[++i];
          nl = i - 1;
        } else if (!this.blockScalarKeep) {
          do {
            let i2 = nl - 1;
            let ch2 = this.buffer[i2];
            if (ch2 === "\r")
              ch2 = this.buffer[--i2];
            const lastChar = i2;
            while (ch2 === " ")
              ch2 = this.buffer[--i2];
            if (ch2 === "\n" && i2 >= this.pos && i2 + 1 + indent > lastChar)
              nl = i2;
            else
              break;
          } while (true);
        }
        yield cst.SCALAR;
        yield* this.pushToIndex(nl + 1, true);
        return yield* this.parseLineStart();
      }
      *parsePlainScalar() {
        const inFlow = this.flowLevel > 0;
        let end = this.pos - 1;
        let i = this.pos - 1;
        let ch;
        while (ch = this.buffer[++i]) {
          if (ch === ":") {
            const next = this.buffer[i + 1];
            if (isEmpty(next) || inFlow && flowIndicatorChars.has(next))
              break;
            end = i;
          } else if (isEmpty(ch)) {
            let next = this.buffer[i + 1];
            if (ch === "\r") {
              if (next === "\n") {
                i += 1;
                ch = "\n";
                next = this.buffer[i + 1];
              } else
                end = i;
            }
            if (next === "#" || inFlow && flowIndicatorChars.has(next))
              break;
            if (ch === "\n") {
              const cs = this.continueScalar(i + 1);
              if (cs === -1)
                break;
              i = Math.max(i, cs - 2);
            }
          } else {
            if (inFlow && flowIndicatorChars.has(ch))
              break;
            end = i;
          }
        }
        if (!ch && !this.atEnd)
          return this.setNext("plain-scalar");
        yield cst.SCALAR;
        yield* this.pushToIndex(end + 1, true);
        return inFlow ? "flow" : "doc";
      }
      *pushCount(n) {
        if (n > 0) {
          yield this.buffer.substr(this.pos, n);
          this.pos += n;
          return n;
        }
        return 0;
      }
      *pushToIndex(i, allowEmpty) {
        const s = this.buffer.slice(this.pos, i);
        if (s) {
          yield s;
          this.pos += s.length;
          return s.length;
        } else if (allowEmpty)
          yield "";
        return 0;
      }
      *pushIndicators() {
        let n = 0;
        loop: while (true) {
          switch (this.charAt(0)) {
            case "!":
              n += yield* this.pushTag();
              n += yield* this.pushSpaces(true);
              continue loop;
            case "&":
              n += yield* this.pushUntil(isNotAnchorChar);
              n += yield* this.pushSpaces(true);
              continue loop;
            case "-":
            // this is an error
            case "?":
            // this is an error outside flow collections
            case ":": {
              const inFlow = this.flowLevel > 0;
              const ch1 = this.charAt(1);
              if (isEmpty(ch1) || inFlow && flowIndicatorChars.has(ch1)) {
                if (!inFlow)
                  this.indentNext = this.indentValue + 1;
                else if (this.flowKey)
                  this.flowKey = false;
                n += yield* this.pushCount(1);
                n += yield* this.pushSpaces(true);
                continue loop;
              }
            }
          }
          break loop;
        }
        return n;
      }
      *pushTag() {
        if (this.charAt(1) === "<") {
          let i = this.pos + 2;
          let ch = this.buffer[i];
          while (!isEmpty(ch) && ch !== ">")
            ch = this.buffer[++i];
          return yield* this.pushToIndex(ch === ">" ? i + 1 : i, false);
        } else {
          let i = this.pos + 1;
          let ch = this.buffer[i];
          while (ch) {
            if (tagChars.has(ch))
              ch = this.buffer[++i];
            else if (ch === "%" && hexDigits.has(this.buffer[i + 1]) && hexDigits.has(this.buffer[i + 2])) {
              ch = this.buffer[i += 3];
            } else
              break;
          }
          return yield* this.pushToIndex(i, false);
        }
      }
      *pushNewline() {
        const ch = this.buffer[this.pos];
        if (ch === "\n")
          return yield* this.pushCount(1);
        else if (ch === "\r" && this.charAt(1) === "\n")
          return yield* this.pushCount(2);
        else
          return 0;
      }
      *pushSpaces(allowTabs) {
        let i = this.pos - 1;
        let ch;
        do {
          ch = this.buffer[++i];
        } while (ch === " " || allowTabs && ch === "	");
        const n = i - this.pos;
        if (n > 0) {
          yield this.buffer.substr(this.pos, n);
          this.pos = i;
        }
        return n;
      }
      *pushUntil(test) {
        let i = this.pos;
        let ch = this.buffer[i];
        while (!test(ch))
          ch = this.buffer[++i];
        return yield* this.pushToIndex(i, false);
      }
    };
    exports.Lexer = Lexer;
  }
});

// node_modules/yaml/dist/parse/line-counter.js
var require_line_counter = __commonJS({
  "node_modules/yaml/dist/parse/line-counter.js"(exports) {
    "use strict";
    var LineCounter = class {
      constructor() {
        this.lineStarts = [];
        this.addNewLine = (offset) => this.lineStarts.push(offset);
        this.linePos = (offset) => {
          let low = 0;
          let high = this.lineStarts.length;
          while (low < high) {
            const mid = low + high >> 1;
            if (this.lineStarts[mid] < offset)
              low = mid + 1;
            else
              high = mid;
          }
          if (this.lineStarts[low] === offset)
            return { line: low + 1, col: 1 };
          if (low === 0)
            return { line: 0, col: offset };
          const start = this.lineStarts[low - 1];
          return { line: low, col: offset - start + 1 };
        };
      }
    };
    exports.LineCounter = LineCounter;
  }
});

// node_modules/yaml/dist/parse/parser.js
var require_parser = __commonJS({
  "node_modules/yaml/dist/parse/parser.js"(exports) {
    "use strict";
    var node_process = __require("process");
    var cst = require_cst();
    var lexer = require_lexer();
    function includesToken(list, type) {
      for (let i = 0; i < list.length; ++i)
        if (list[i].type === type)
          return true;
      return false;
    }
    function findNonEmptyIndex(list) {
      for (let i = 0; i < list.length; ++i) {
        switch (list[i].type) {
          case "space":
          case "comment":
          case "newline":
            break;
          default:
            return i;
        }
      }
      return -1;
    }
    function isFlowToken(token) {
      switch (token?.type) {
        case "alias":
        case "scalar":
        case "single-quoted-scalar":
        case "double-quoted-scalar":
        case "flow-collection":
          return true;
        default:
          return false;
      }
    }
    function getPrevProps(parent) {
      switch (parent.type) {
        case "document":
          return parent.start;
        case "block-map": {
          const it = parent.items[parent.items.length - 1];
          return it.sep ?? it.start;
        }
        case "block-seq":
          return parent.items[parent.items.length - 1].start;
        /* istanbul ignore next should not happen */
        default:
          return [];
      }
    }
    function getFirstKeyStartProps(prev) {
      if (prev.length === 0)
        return [];
      let i = prev.length;
      loop: while (--i >= 0) {
        switch (prev[i].type) {
          case "doc-start":
          case "explicit-key-ind":
          case "map-value-ind":
          case "seq-item-ind":
          case "newline":
            break loop;
        }
      }
      while (prev[++i]?.type === "space") {
      }
      return prev.splice(i, prev.length);
    }
    function arrayPushArray(target, source) {
      if (source.length < 1e5)
        Array.prototype.push.apply(target, source);
      else
        for (let i = 0; i < source.length; ++i)
          target.push(source[i]);
    }
    function fixFlowSeqItems(fc) {
      if (fc.start.type === "flow-seq-start") {
        for (const it of fc.items) {
          if (it.sep && !it.value && !includesToken(it.start, "explicit-key-ind") && !includesToken(it.sep, "map-value-ind")) {
            if (it.key)
              it.value = it.key;
            delete it.key;
            if (isFlowToken(it.value)) {
              if (it.value.end)
                arrayPushArray(it.value.end, it.sep);
              else
                it.value.end = it.sep;
            } else
              arrayPushArray(it.start, it.sep);
            delete it.sep;
          }
        }
      }
    }
    var Parser = class {
      /**
       * @param onNewLine - If defined, called separately with the start position of
       *   each new line (in `parse()`, including the start of input).
       */
      constructor(onNewLine) {
        this.atNewLine = true;
        this.atScalar = false;
        this.indent = 0;
        this.offset = 0;
        this.onKeyLine = false;
        this.stack = [];
        this.source = "";
        this.type = "";
        this.lexer = new lexer.Lexer();
        this.onNewLine = onNewLine;
      }
      /**
       * Parse `source` as a YAML stream.
       * If `incomplete`, a part of the last line may be left as a buffer for the next call.
       *
       * Errors are not thrown, but yielded as `{ type: 'error', message }` tokens.
       *
       * @returns A generator of tokens representing each directive, document, and other structure.
       */
      *parse(source, incomplete = false) {
        if (this.onNewLine && this.offset === 0)
          this.onNewLine(0);
        for (const lexeme of this.lexer.lex(source, incomplete))
          yield* this.next(lexeme);
        if (!incomplete)
          yield* this.end();
      }
      /**
       * Advance the parser by the `source` of one lexical token.
       */
      *next(source) {
        this.source = source;
        if (node_process.env.LOG_TOKENS)
          console.log("|", cst.prettyToken(source));
        if (this.atScalar) {
          this.atScalar = false;
          yield* this.step();
          this.offset += source.length;
          return;
        }
        const type = cst.tokenType(source);
        if (!type) {
          const message = `Not a YAML token: ${source}`;
          yield* this.pop({ type: "error", offset: this.offset, message, source });
          this.offset += source.length;
        } else if (type === "scalar") {
          this.atNewLine = false;
          this.atScalar = true;
          this.type = "scalar";
        } else {
          this.type = type;
          yield* this.step();
          switch (type) {
            case "newline":
              this.atNewLine = true;
              this.indent = 0;
              if (this.onNewLine)
                this.onNewLine(this.offset + source.length);
              break;
            case "space":
              if (this.atNewLine && source[0] === " ")
                this.indent += source.length;
              break;
            case "explicit-key-ind":
            case "map-value-ind":
            case "seq-item-ind":
              if (this.atNewLine)
                this.indent += source.length;
              break;
            case "doc-mode":
            case "flow-error-end":
              return;
            default:
              this.atNewLine = false;
          }
          this.offset += source.length;
        }
      }
      /** Call at end of input to push out any remaining constructions */
      *end() {
        while (this.stack.length > 0)
          yield* this.pop();
      }
      get sourceToken() {
        const st = {
          type: this.type,
          offset: this.offset,
          indent: this.indent,
          source: this.source
        };
        return st;
      }
      *step() {
        const top = this.peek(1);
        if (this.type === "doc-end" && top?.type !== "doc-end") {
          while (this.stack.length > 0)
            yield* this.pop();
          this.stack.push({
            type: "doc-end",
            offset: this.offset,
            source: this.source
          });
          return;
        }
        if (!top)
          return yield* this.stream();
        switch (top.type) {
          case "document":
            return yield* this.document(top);
          case "alias":
          case "scalar":
          case "single-quoted-scalar":
          case "double-quoted-scalar":
            return yield* this.scalar(top);
          case "block-scalar":
            return yield* this.blockScalar(top);
          case "block-map":
            return yield* this.blockMap(top);
          case "block-seq":
            return yield* this.blockSequence(top);
          case "flow-collection":
            return yield* this.flowCollection(top);
          case "doc-end":
            return yield* this.documentEnd(top);
        }
        yield* this.pop();
      }
      peek(n) {
        return this.stack[this.stack.length - n];
      }
      *pop(error) {
        const token = error ?? this.stack.pop();
        if (!token) {
          const message = "Tried to pop an empty stack";
          yield { type: "error", offset: this.offset, source: "", message };
        } else if (this.stack.length === 0) {
          yield token;
        } else {
          const top = this.peek(1);
          if (token.type === "block-scalar") {
            token.indent = "indent" in top ? top.indent : 0;
          } else if (token.type === "flow-collection" && top.type === "document") {
            token.indent = 0;
          }
          if (token.type === "flow-collection")
            fixFlowSeqItems(token);
          switch (top.type) {
            case "document":
              top.value = token;
              break;
            case "block-scalar":
              top.props.push(token);
              break;
            case "block-map": {
              const it = top.items[top.items.length - 1];
              if (it.value) {
                top.items.push({ start: [], key: token, sep: [] });
                this.onKeyLine = true;
                return;
              } else if (it.sep) {
                it.value = token;
              } else {
                Object.assign(it, { key: token, sep: [] });
                this.onKeyLine = !it.explicitKey;
                return;
              }
              break;
            }
            case "block-seq": {
              const it = top.items[top.items.length - 1];
              if (it.value)
                top.items.push({ start: [], value: token });
              else
                it.value = token;
              break;
            }
            case "flow-collection": {
              const it = top.items[top.items.length - 1];
              if (!it || it.value)
                top.items.push({ start: [], key: token, sep: [] });
              else if (it.sep)
                it.value = token;
              else
                Object.assign(it, { key: token, sep: [] });
              return;
            }
            /* istanbul ignore next should not happen */
            default:
              yield* this.pop();
              yield* this.pop(token);
          }
          if ((top.type === "document" || top.type === "block-map" || top.type === "block-seq") && (token.type === "block-map" || token.type === "block-seq")) {
            const last = token.items[token.items.length - 1];
            if (last && !last.sep && !last.value && last.start.length > 0 && findNonEmptyIndex(last.start) === -1 && (token.indent === 0 || last.start.every((st) => st.type !== "comment" || st.indent < token.indent))) {
              if (top.type === "document")
                top.end = last.start;
              else
                top.items.push({ start: last.start });
              token.items.splice(-1, 1);
            }
          }
        }
      }
      *stream() {
        switch (this.type) {
          case "directive-line":
            yield { type: "directive", offset: this.offset, source: this.source };
            return;
          case "byte-order-mark":
          case "space":
          case "comment":
          case "newline":
            yield this.sourceToken;
            return;
          case "doc-mode":
          case "doc-start": {
            const doc = {
              type: "document",
              offset: this.offset,
              start: []
            };
            if (this.type === "doc-start")
              doc.start.push(this.sourceToken);
            this.stack.push(doc);
            return;
          }
        }
        yield {
          type: "error",
          offset: this.offset,
          message: `Unexpected ${this.type} token in YAML stream`,
          source: this.source
        };
      }
      *document(doc) {
        if (doc.value)
          return yield* this.lineEnd(doc);
        switch (this.type) {
          case "doc-start": {
            if (findNonEmptyIndex(doc.start) !== -1) {
              yield* this.pop();
              yield* this.step();
            } else
              doc.start.push(this.sourceToken);
            return;
          }
          case "anchor":
          case "tag":
          case "space":
          case "comment":
          case "newline":
            doc.start.push(this.sourceToken);
            return;
        }
        const bv = this.startBlockValue(doc);
        if (bv)
          this.stack.push(bv);
        else {
          yield {
            type: "error",
            offset: this.offset,
            message: `Unexpected ${this.type} token in YAML document`,
            source: this.source
          };
        }
      }
      *scalar(scalar) {
        if (this.type === "map-value-ind") {
          const prev = getPrevProps(this.peek(2));
          const start = getFirstKeyStartProps(prev);
          let sep;
          if (scalar.end) {
            sep = scalar.end;
            sep.push(this.sourceToken);
            delete scalar.end;
          } else
            sep = [this.sourceToken];
          const map = {
            type: "block-map",
            offset: scalar.offset,
            indent: scalar.indent,
            items: [{ start, key: scalar, sep }]
          };
          this.onKeyLine = true;
          this.stack[this.stack.length - 1] = map;
        } else
          yield* this.lineEnd(scalar);
      }
      *blockScalar(scalar) {
        switch (this.type) {
          case "space":
          case "comment":
          case "newline":
            scalar.props.push(this.sourceToken);
            return;
          case "scalar":
            scalar.source = this.source;
            this.atNewLine = true;
            this.indent = 0;
            if (this.onNewLine) {
              let nl = this.source.indexOf("\n") + 1;
              while (nl !== 0) {
                this.onNewLine(this.offset + nl);
                nl = this.source.indexOf("\n", nl) + 1;
              }
            }
            yield* this.pop();
            break;
          /* istanbul ignore next should not happen */
          default:
            yield* this.pop();
            yield* this.step();
        }
      }
      *blockMap(map) {
        const it = map.items[map.items.length - 1];
        switch (this.type) {
          case "newline":
            this.onKeyLine = false;
            if (it.value) {
              const end = "end" in it.value ? it.value.end : void 0;
              const last = Array.isArray(end) ? end[end.length - 1] : void 0;
              if (last?.type === "comment")
                end?.push(this.sourceToken);
              else
                map.items.push({ start: [this.sourceToken] });
            } else if (it.sep) {
              it.sep.push(this.sourceToken);
            } else {
              it.start.push(this.sourceToken);
            }
            return;
          case "space":
          case "comment":
            if (it.value) {
              map.items.push({ start: [this.sourceToken] });
            } else if (it.sep) {
              it.sep.push(this.sourceToken);
            } else {
              if (this.atIndentedComment(it.start, map.indent)) {
                const prev = map.items[map.items.length - 2];
                const end = prev?.value?.end;
                if (Array.isArray(end)) {
                  arrayPushArray(end, it.start);
                  end.push(this.sourceToken);
                  map.items.pop();
                  return;
                }
              }
              it.start.push(this.sourceToken);
            }
            return;
        }
        if (this.indent >= map.indent) {
          const atMapIndent = !this.onKeyLine && this.indent === map.indent;
          const atNextItem = atMapIndent && (it.sep || it.explicitKey) && this.type !== "seq-item-ind";
          let start = [];
          if (atNextItem && it.sep && !it.value) {
            const nl = [];
            for (let i = 0; i < it.sep.length; ++i) {
              const st = it.sep[i];
              switch (st.type) {
                case "newline":
                  nl.push(i);
                  break;
                case "space":
                  break;
                case "comment":
                  if (st.indent > map.indent)
                    nl.length = 0;
                  break;
                default:
                  nl.length = 0;
              }
            }
            if (nl.length >= 2)
              start = it.sep.splice(nl[1]);
          }
          switch (this.type) {
            case "anchor":
            case "tag":
              if (atNextItem || it.value) {
                start.push(this.sourceToken);
                map.items.push({ start });
                this.onKeyLine = true;
              } else if (it.sep) {
                it.sep.push(this.sourceToken);
              } else {
                it.start.push(this.sourceToken);
              }
              return;
            case "explicit-key-ind":
              if (!it.sep && !it.explicitKey) {
                it.start.push(this.sourceToken);
                it.explicitKey = true;
              } else if (atNextItem || it.value) {
                start.push(this.sourceToken);
                map.items.push({ start, explicitKey: true });
              } else {
                this.stack.push({
                  type: "block-map",
                  offset: this.offset,
                  indent: this.indent,
                  items: [{ start: [this.sourceToken], explicitKey: true }]
                });
              }
              this.onKeyLine = true;
              return;
            case "map-value-ind":
              if (it.explicitKey) {
                if (!it.sep) {
                  if (includesToken(it.start, "newline")) {
                    Object.assign(it, { key: null, sep: [this.sourceToken] });
                  } else {
                    const start2 = getFirstKeyStartProps(it.start);
                    this.stack.push({
                      type: "block-map",
                      offset: this.offset,
                      indent: this.indent,
                      items: [{ start: start2, key: null, sep: [this.sourceToken] }]
                    });
                  }
                } else if (it.value) {
                  map.items.push({ start: [], key: null, sep: [this.sourceToken] });
                } else if (includesToken(it.sep, "map-value-ind")) {
                  this.stack.push({
                    type: "block-map",
                    offset: this.offset,
                    indent: this.indent,
                    items: [{ start, key: null, sep: [this.sourceToken] }]
                  });
                } else if (isFlowToken(it.key) && !includesToken(it.sep, "newline")) {
                  const start2 = getFirstKeyStartProps(it.start);
                  const key = it.key;
                  const sep = it.sep;
                  sep.push(this.sourceToken);
                  delete it.key;
                  delete it.sep;
                  this.stack.push({
                    type: "block-map",
                    offset: this.offset,
                    indent: this.indent,
                    items: [{ start: start2, key, sep }]
                  });
                } else if (start.length > 0) {
                  it.sep = it.sep.concat(start, this.sourceToken);
                } else {
                  it.sep.push(this.sourceToken);
                }
              } else {
                if (!it.sep) {
                  Object.assign(it, { key: null, sep: [this.sourceToken] });
                } else if (it.value || atNextItem) {
                  map.items.push({ start, key: null, sep: [this.sourceToken] });
                } else if (includesToken(it.sep, "map-value-ind")) {
                  this.stack.push({
                    type: "block-map",
                    offset: this.offset,
                    indent: this.indent,
                    items: [{ start: [], key: null, sep: [this.sourceToken] }]
                  });
                } else {
                  it.sep.push(this.sourceToken);
                }
              }
              this.onKeyLine = true;
              return;
            case "alias":
            case "scalar":
            case "single-quoted-scalar":
            case "double-quoted-scalar": {
              const fs35 = this.flowScalar(this.type);
              if (atNextItem || it.value) {
                map.items.push({ start, key: fs35, sep: [] });
                this.onKeyLine = true;
              } else if (it.sep) {
                this.stack.push(fs35);
              } else {
                Object.assign(it, { key: fs35, sep: [] });
                this.onKeyLine = true;
              }
              return;
            }
            default: {
              const bv = this.startBlockValue(map);
              if (bv) {
                if (bv.type === "block-seq") {
                  if (!it.explicitKey && it.sep && !includesToken(it.sep, "newline")) {
                    yield* this.pop({
                      type: "error",
                      offset: this.offset,
                      message: "Unexpected block-seq-ind on same line with key",
                      source: this.source
                    });
                    return;
                  }
                } else if (atMapIndent) {
                  map.items.push({ start });
                }
                this.stack.push(bv);
                return;
              }
            }
          }
        }
        yield* this.pop();
        yield* this.step();
      }
      *blockSequence(seq) {
        const it = seq.items[seq.items.length - 1];
        switch (this.type) {
          case "newline":
            if (it.value) {
              const end = "end" in it.value ? it.value.end : void 0;
              const last = Array.isArray(end) ? end[end.length - 1] : void 0;
              if (last?.type === "comment")
                end?.push(this.sourceToken);
              else
                seq.items.push({ start: [this.sourceToken] });
            } else
              it.start.push(this.sourceToken);
            return;
          case "space":
          case "comment":
            if (it.value)
              seq.items.push({ start: [this.sourceToken] });
            else {
              if (this.atIndentedComment(it.start, seq.indent)) {
                const prev = seq.items[seq.items.length - 2];
                const end = prev?.value?.end;
                if (Array.isArray(end)) {
                  arrayPushArray(end, it.start);
                  end.push(this.sourceToken);
                  seq.items.pop();
                  return;
                }
              }
              it.start.push(this.sourceToken);
            }
            return;
          case "anchor":
          case "tag":
            if (it.value || this.indent <= seq.indent)
              break;
            it.start.push(this.sourceToken);
            return;
          case "seq-item-ind":
            if (this.indent !== seq.indent)
              break;
            if (it.value || includesToken(it.start, "seq-item-ind"))
              seq.items.push({ start: [this.sourceToken] });
            else
              it.start.push(this.sourceToken);
            return;
        }
        if (this.indent > seq.indent) {
          const bv = this.startBlockValue(seq);
          if (bv) {
            this.stack.push(bv);
            return;
          }
        }
        yield* this.pop();
        yield* this.step();
      }
      *flowCollection(fc) {
        const it = fc.items[fc.items.length - 1];
        if (this.type === "flow-error-end") {
          let top;
          do {
            yield* this.pop();
            top = this.peek(1);
          } while (top?.type === "flow-collection");
        } else if (fc.end.length === 0) {
          switch (this.type) {
            case "comma":
            case "explicit-key-ind":
              if (!it || it.sep)
                fc.items.push({ start: [this.sourceToken] });
              else
                it.start.push(this.sourceToken);
              return;
            case "map-value-ind":
              if (!it || it.value)
                fc.items.push({ start: [], key: null, sep: [this.sourceToken] });
              else if (it.sep)
                it.sep.push(this.sourceToken);
              else
                Object.assign(it, { key: null, sep: [this.sourceToken] });
              return;
            case "space":
            case "comment":
            case "newline":
            case "anchor":
            case "tag":
              if (!it || it.value)
                fc.items.push({ start: [this.sourceToken] });
              else if (it.sep)
                it.sep.push(this.sourceToken);
              else
                it.start.push(this.sourceToken);
              return;
            case "alias":
            case "scalar":
            case "single-quoted-scalar":
            case "double-quoted-scalar": {
              const fs35 = this.flowScalar(this.type);
              if (!it || it.value)
                fc.items.push({ start: [], key: fs35, sep: [] });
              else if (it.sep)
                this.stack.push(fs35);
              else
                Object.assign(it, { key: fs35, sep: [] });
              return;
            }
            case "flow-map-end":
            case "flow-seq-end":
              fc.end.push(this.sourceToken);
              return;
          }
          const bv = this.startBlockValue(fc);
          if (bv)
            this.stack.push(bv);
          else {
            yield* this.pop();
            yield* this.step();
          }
        } else {
          const parent = this.peek(2);
          if (parent.type === "block-map" && (this.type === "map-value-ind" && parent.indent === fc.indent || this.type === "newline" && !parent.items[parent.items.length - 1].sep)) {
            yield* this.pop();
            yield* this.step();
          } else if (this.type === "map-value-ind" && parent.type !== "flow-collection") {
            const prev = getPrevProps(parent);
            const start = getFirstKeyStartProps(prev);
            fixFlowSeqItems(fc);
            const sep = fc.end.splice(1, fc.end.length);
            sep.push(this.sourceToken);
            const map = {
              type: "block-map",
              offset: fc.offset,
              indent: fc.indent,
              items: [{ start, key: fc, sep }]
            };
            this.onKeyLine = true;
            this.stack[this.stack.length - 1] = map;
          } else {
            yield* this.lineEnd(fc);
          }
        }
      }
      flowScalar(type) {
        if (this.onNewLine) {
          let nl = this.source.indexOf("\n") + 1;
          while (nl !== 0) {
            this.onNewLine(this.offset + nl);
            nl = this.source.indexOf("\n", nl) + 1;
          }
        }
        return {
          type,
          offset: this.offset,
          indent: this.indent,
          source: this.source
        };
      }
      startBlockValue(parent) {
        switch (this.type) {
          case "alias":
          case "scalar":
          case "single-quoted-scalar":
          case "double-quoted-scalar":
            return this.flowScalar(this.type);
          case "block-scalar-header":
            return {
              type: "block-scalar",
              offset: this.offset,
              indent: this.indent,
              props: [this.sourceToken],
              source: ""
            };
          case "flow-map-start":
          case "flow-seq-start":
            return {
              type: "flow-collection",
              offset: this.offset,
              indent: this.indent,
              start: this.sourceToken,
              items: [],
              end: []
            };
          case "seq-item-ind":
            return {
              type: "block-seq",
              offset: this.offset,
              indent: this.indent,
              items: [{ start: [this.sourceToken] }]
            };
          case "explicit-key-ind": {
            this.onKeyLine = true;
            const prev = getPrevProps(parent);
            const start = getFirstKeyStartProps(prev);
            start.push(this.sourceToken);
            return {
              type: "block-map",
              offset: this.offset,
              indent: this.indent,
              items: [{ start, explicitKey: true }]
            };
          }
          case "map-value-ind": {
            this.onKeyLine = true;
            const prev = getPrevProps(parent);
            const start = getFirstKeyStartProps(prev);
            return {
              type: "block-map",
              offset: this.offset,
              indent: this.indent,
              items: [{ start, key: null, sep: [this.sourceToken] }]
            };
          }
        }
        return null;
      }
      atIndentedComment(start, indent) {
        if (this.type !== "comment")
          return false;
        if (this.indent <= indent)
          return false;
        return start.every((st) => st.type === "newline" || st.type === "space");
      }
      *documentEnd(docEnd) {
        if (this.type !== "doc-mode") {
          if (docEnd.end)
            docEnd.end.push(this.sourceToken);
          else
            docEnd.end = [this.sourceToken];
          if (this.type === "newline")
            yield* this.pop();
        }
      }
      *lineEnd(token) {
        switch (this.type) {
          case "comma":
          case "doc-start":
          case "doc-end":
          case "flow-seq-end":
          case "flow-map-end":
          case "map-value-ind":
            yield* this.pop();
            yield* this.step();
            break;
          case "newline":
            this.onKeyLine = false;
          // fallthrough
          case "space":
          case "comment":
          default:
            if (token.end)
              token.end.push(this.sourceToken);
            else
              token.end = [this.sourceToken];
            if (this.type === "newline")
              yield* this.pop();
        }
      }
    };
    exports.Parser = Parser;
  }
});

// node_modules/yaml/dist/public-api.js
var require_public_api = __commonJS({
  "node_modules/yaml/dist/public-api.js"(exports) {
    "use strict";
    var composer = require_composer();
    var Document = require_Document();
    var errors = require_errors();
    var log = require_log();
    var identity = require_identity();
    var lineCounter = require_line_counter();
    var parser = require_parser();
    function parseOptions(options2) {
      const prettyErrors = options2.prettyErrors !== false;
      const lineCounter$1 = options2.lineCounter || prettyErrors && new lineCounter.LineCounter() || null;
      return { lineCounter: lineCounter$1, prettyErrors };
    }
    function parseAllDocuments(source, options2 = {}) {
      const { lineCounter: lineCounter2, prettyErrors } = parseOptions(options2);
      const parser$1 = new parser.Parser(lineCounter2?.addNewLine);
      const composer$1 = new composer.Composer(options2);
      const docs = Array.from(composer$1.compose(parser$1.parse(source)));
      if (prettyErrors && lineCounter2)
        for (const doc of docs) {
          doc.errors.forEach(errors.prettifyError(source, lineCounter2));
          doc.warnings.forEach(errors.prettifyError(source, lineCounter2));
        }
      if (docs.length > 0)
        return docs;
      return Object.assign([], { empty: true }, composer$1.streamInfo());
    }
    function parseDocument(source, options2 = {}) {
      const { lineCounter: lineCounter2, prettyErrors } = parseOptions(options2);
      const parser$1 = new parser.Parser(lineCounter2?.addNewLine);
      const composer$1 = new composer.Composer(options2);
      let doc = null;
      for (const _doc of composer$1.compose(parser$1.parse(source), true, source.length)) {
        if (!doc)
          doc = _doc;
        else if (doc.options.logLevel !== "silent") {
          doc.errors.push(new errors.YAMLParseError(_doc.range.slice(0, 2), "MULTIPLE_DOCS", "Source contains multiple documents; please use YAML.parseAllDocuments()"));
          break;
        }
      }
      if (prettyErrors && lineCounter2) {
        doc.errors.forEach(errors.prettifyError(source, lineCounter2));
        doc.warnings.forEach(errors.prettifyError(source, lineCounter2));
      }
      return doc;
    }
    function parse2(src, reviver, options2) {
      let _reviver = void 0;
      if (typeof reviver === "function") {
        _reviver = reviver;
      } else if (options2 === void 0 && reviver && typeof reviver === "object") {
        options2 = reviver;
      }
      const doc = parseDocument(src, options2);
      if (!doc)
        return null;
      doc.warnings.forEach((warning) => log.warn(doc.options.logLevel, warning));
      if (doc.errors.length > 0) {
        if (doc.options.logLevel !== "silent")
          throw doc.errors[0];
        else
          doc.errors = [];
      }
      return doc.toJS(Object.assign({ reviver: _reviver }, options2));
    }
    function stringify(value, replacer, options2) {
      let _replacer = null;
      if (typeof replacer === "function" || Array.isArray(replacer)) {
        _replacer = replacer;
      } else if (options2 === void 0 && replacer) {
        options2 = replacer;
      }
      if (typeof options2 === "string")
        options2 = options2.length;
      if (typeof options2 === "number") {
        const indent = Math.round(options2);
        options2 = indent < 1 ? void 0 : indent > 8 ? { indent: 8 } : { indent };
      }
      if (value === void 0) {
        const { keepUndefined } = options2 ?? replacer ?? {};
        if (!keepUndefined)
          return void 0;
      }
      if (identity.isDocument(value) && !_replacer)
        return value.toString(options2);
      return new Document.Document(value, _replacer, options2).toString(options2);
    }
    exports.parse = parse2;
    exports.parseAllDocuments = parseAllDocuments;
    exports.parseDocument = parseDocument;
    exports.stringify = stringify;
  }
});

// node_modules/yaml/dist/index.js
var require_dist = __commonJS({
  "node_modules/yaml/dist/index.js"(exports) {
    "use strict";
    var composer = require_composer();
    var Document = require_Document();
    var Schema = require_Schema();
    var errors = require_errors();
    var Alias = require_Alias();
    var identity = require_identity();
    var Pair = require_Pair();
    var Scalar = require_Scalar();
    var YAMLMap = require_YAMLMap();
    var YAMLSeq = require_YAMLSeq();
    var cst = require_cst();
    var lexer = require_lexer();
    var lineCounter = require_line_counter();
    var parser = require_parser();
    var publicApi = require_public_api();
    var visit = require_visit();
    exports.Composer = composer.Composer;
    exports.Document = Document.Document;
    exports.Schema = Schema.Schema;
    exports.YAMLError = errors.YAMLError;
    exports.YAMLParseError = errors.YAMLParseError;
    exports.YAMLWarning = errors.YAMLWarning;
    exports.Alias = Alias.Alias;
    exports.isAlias = identity.isAlias;
    exports.isCollection = identity.isCollection;
    exports.isDocument = identity.isDocument;
    exports.isMap = identity.isMap;
    exports.isNode = identity.isNode;
    exports.isPair = identity.isPair;
    exports.isScalar = identity.isScalar;
    exports.isSeq = identity.isSeq;
    exports.Pair = Pair.Pair;
    exports.Scalar = Scalar.Scalar;
    exports.YAMLMap = YAMLMap.YAMLMap;
    exports.YAMLSeq = YAMLSeq.YAMLSeq;
    exports.CST = cst;
    exports.Lexer = lexer.Lexer;
    exports.LineCounter = lineCounter.LineCounter;
    exports.Parser = parser.Parser;
    exports.parse = publicApi.parse;
    exports.parseAllDocuments = publicApi.parseAllDocuments;
    exports.parseDocument = publicApi.parseDocument;
    exports.stringify = publicApi.stringify;
    exports.visit = visit.visit;
    exports.visitAsync = visit.visitAsync;
  }
});

// src/core/yaml-text.ts
function parseYamlDocument(text, label) {
  const doc = import_yaml.default.parseDocument(text, { prettyErrors: false, uniqueKeys: true });
  const e = doc.errors[0];
  if (e) {
    const line = text.slice(0, e.pos[0]).split("\n").length;
    throw badInput(`${label}: YAML error at line ${line}: ${e.message.split("\n")[0]}`);
  }
  return doc;
}
var import_yaml;
var init_yaml_text = __esm({
  "src/core/yaml-text.ts"() {
    "use strict";
    import_yaml = __toESM(require_dist(), 1);
    init_errors();
  }
});

// src/core/lock.ts
var lock_exports = {};
__export(lock_exports, {
  DEFAULT_TEST_TIMEOUT_MS: () => DEFAULT_TEST_TIMEOUT_MS,
  parseDuration: () => parseDuration,
  parseLock: () => parseLock,
  setLockLevel: () => setLockLevel
});
import path from "node:path";
function shown2(v) {
  if (v === void 0) return "nothing";
  const s = JSON.stringify(v) ?? String(v);
  return s.length > 60 ? `${s.slice(0, 57)}\u2026` : s;
}
function parseLock(text, file) {
  const name = path.basename(file);
  const fail = (field, why) => {
    throw badInput(`${name}: ${field} ${why}`);
  };
  const doc = parseYamlDocument(text, name);
  const raw = doc.toJS();
  if (typeof raw !== "object" || raw === null || Array.isArray(raw)) {
    throw badInput(`${name}: must be a mapping of fields (product, version, level, \u2026)`);
  }
  const o = raw;
  for (const key of Object.keys(o))
    if (!KNOWN.has(key)) fail(/^[\w.-]+$/.test(key) ? key : shown2(key), "is not a known field");
  if (o.source !== void 0 && o.source !== "tuf" && o.source !== "wso2")
    fail("source", `${shown2(o.source)} is not supported (tuf or wso2)`);
  const source = o.source === "wso2" ? "wso2" : "tuf";
  if (source === "wso2") {
    for (const f of ["repository", "trust", "minRootVersion", "min-root-version", "hotfixes"])
      if (o[f] !== void 0)
        fail(f, "does not apply to source: wso2 (the WSO2 update tool fetches updates)");
    if (o.pack === void 0) fail("pack", "is missing (source: wso2 updates the pack it names)");
  }
  const dir = path.dirname(file);
  const str = (v, field) => {
    if (v === void 0) fail(field, "is missing");
    if (typeof v !== "string" || v.trim() === "")
      fail(field, `must be a non-empty string (got ${shown2(v)})`);
    return v.trim();
  };
  const int = (v, field, min = 0) => {
    if (typeof v !== "number" || !Number.isSafeInteger(v) || v < min)
      fail(field, `must be an integer \u2265 ${min} (got ${shown2(v)})`);
    return v;
  };
  const sourceText = (keys) => {
    const node = doc.getIn(keys, true);
    return typeof node?.source === "string" ? node.source : void 0;
  };
  const sha = (v, field, keys) => {
    const s = str(typeof v === "number" ? sourceText(keys) ?? String(v) : v, field);
    if (!/^[0-9a-f]{64}$/i.test(s))
      fail(field, `must be a sha256 (64 hex digits, got ${shown2(s)})`);
    return s.toLowerCase();
  };
  const local = (v, field) => {
    const p = str(v, field);
    if (URL_LIKE.test(p)) fail(field, `must be a path relative to ${name}, not a URL`);
    return path.resolve(dir, p);
  };
  const mapping = (v, field, keys, what) => {
    if (typeof v !== "object" || v === null || Array.isArray(v))
      fail(field, `must be a mapping with ${what}`);
    for (const k of Object.keys(v))
      if (!keys.includes(k)) fail(`${field}.${k}`, "is not a known field");
    return v;
  };
  const product = str(o.product, "product");
  if (!NAME2.test(product))
    fail("product", `must be lower-case letters, digits, . _ - (got ${shown2(product)})`);
  const version = str(typeof o.version === "number" ? String(o.version) : o.version, "version");
  if (import_semver2.default.valid(version) !== version)
    fail("version", `must be a semver version like 4.2.0 (got ${shown2(version)})`);
  const channel = o.channel === void 0 ? DEFAULT_CHANNEL : str(o.channel, "channel");
  if (!NAME2.test(channel))
    fail("channel", `must be lower-case letters, digits, . _ - (got ${shown2(channel)})`);
  if (o.level === void 0) fail("level", "is missing");
  const level = int(o.level, "level");
  const lock = {
    file,
    product,
    version,
    channel,
    level,
    source,
    repository: source === "wso2" ? "" : parseRepository(str(o.repository, "repository"), dir, fail),
    trust: source === "wso2" ? "" : local(o.trust, "trust"),
    hotfixes: []
  };
  if (o.minRootVersion !== void 0 && o["min-root-version"] !== void 0)
    fail("min-root-version", "and minRootVersion are the same field: give one");
  for (const key of ["minRootVersion", "min-root-version"])
    if (o[key] !== void 0) lock.minRootVersion = int(o[key], key, 1);
  if (o.pack !== void 0) {
    const p = mapping(o.pack, "pack", ["url", "path", "sha256"], "url or path, and sha256");
    if (p.url === void 0 === (p.path === void 0))
      fail("pack", "needs exactly one of url and path");
    lock.pack = { sha256: sha(p.sha256, "pack.sha256", ["pack", "sha256"]) };
    if (p.url !== void 0) {
      const url = str(p.url, "pack.url");
      if (!/^https?:\/\/[^/\s]/i.test(url) || !URL.canParse(url))
        fail("pack.url", "must be an http(s) URL");
      lock.pack.url = url;
    } else lock.pack.path = local(p.path, "pack.path");
  }
  if (o.overlay !== void 0) lock.overlay = local(o.overlay, "overlay");
  if (o.hotfixes !== void 0 && o.hotfixes !== null) {
    if (!Array.isArray(o.hotfixes)) fail("hotfixes", "must be a list of {path, sha256}");
    const seen = /* @__PURE__ */ new Set();
    lock.hotfixes = o.hotfixes.map((h, i) => {
      const f = `hotfixes[${i}]`;
      const ho = mapping(h, f, ["path", "sha256"], "path and sha256");
      const hotfix = {
        path: local(ho.path, `${f}.path`),
        sha256: sha(ho.sha256, `${f}.sha256`, ["hotfixes", i, "sha256"])
      };
      if (seen.has(hotfix.path)) fail(`${f}.path`, `lists ${shown2(ho.path)} a second time`);
      seen.add(hotfix.path);
      return hotfix;
    });
  }
  if (o.tests !== void 0) {
    const t = mapping(
      o.tests,
      "tests",
      ["start", "ready", "timeout", "run"],
      "start, ready, timeout, run"
    );
    lock.tests = parseTests(t, fail, str, mapping);
  }
  return lock;
}
function parseRepository(raw, dir, fail) {
  if (!URL_LIKE.test(raw)) {
    if (/^(https?|file):/i.test(raw)) fail("repository", `is not a valid URL (got ${shown2(raw)})`);
    return path.resolve(dir, raw);
  }
  let u;
  try {
    u = new URL(raw);
  } catch {
    return fail("repository", "is not a valid URL");
  }
  if (u.protocol === "file:") return decodeURIComponent(u.pathname);
  if (u.protocol !== "http:" && u.protocol !== "https:")
    fail("repository", `must be an http(s) URL or a path (got ${u.protocol})`);
  return raw;
}
function parseTests(t, fail, str, mapping) {
  const tests = {
    timeoutMs: t.timeout === void 0 ? DEFAULT_TEST_TIMEOUT_MS : parseDuration(t.timeout, "tests.timeout", fail),
    run: []
  };
  if (t.start !== void 0) tests.start = str(t.start, "tests.start");
  if (t.ready !== void 0) {
    tests.ready = str(t.ready, "tests.ready");
    checkReady(tests.ready, fail);
    if (tests.start === void 0)
      fail("tests.ready", "needs tests.start: nothing is started to become ready");
  }
  if (t.run !== void 0 && t.run !== null) {
    if (!Array.isArray(t.run)) fail("tests.run", "must be a list of {name, command}");
    const names = /* @__PURE__ */ new Set();
    tests.run = t.run.map((r, i) => {
      const f = `tests.run[${i}]`;
      const ro = mapping(r, f, ["name", "command", "timeout"], "name and command");
      const name = str(ro.name, `${f}.name`);
      if (!/^[A-Za-z0-9._-]+$/.test(name))
        fail(`${f}.name`, `may hold letters, digits, . _ - only (got ${shown2(name)})`);
      if (names.has(name)) fail(`${f}.name`, `${shown2(name)} is used twice`);
      names.add(name);
      const cmd = { name, command: str(ro.command, `${f}.command`) };
      if (ro.timeout !== void 0) cmd.timeoutMs = parseDuration(ro.timeout, `${f}.timeout`, fail);
      return cmd;
    });
  }
  return tests;
}
function checkReady(ready, fail) {
  if (ready.startsWith("log:")) {
    if (ready.length === 4) fail("tests.ready", "log: needs a regular expression");
    try {
      new RegExp(ready.slice(4));
    } catch {
      fail(
        "tests.ready",
        `log: pattern is not a valid regular expression (got ${shown2(ready.slice(4))})`
      );
    }
  } else if (ready.startsWith("tcp:")) {
    const port = ready.slice(4);
    if (!/^\d{1,5}$/.test(port) || Number(port) < 1 || Number(port) > 65535)
      fail("tests.ready", `tcp: needs a port 1-65535 (got ${shown2(port)})`);
  } else if (!/^https?:\/\/\S+$/i.test(ready) || !URL.canParse(ready)) {
    fail("tests.ready", `must be an http(s) URL, tcp:PORT or log:REGEX (got ${shown2(ready)})`);
  }
}
function parseDuration(v, field, fail) {
  if (typeof v === "number" && Number.isFinite(v) && v >= 1) return Math.round(v);
  const m = typeof v === "string" ? /^(\d+(?:\.\d+)?)\s*(ms|s|m|h)$/.exec(v.trim()) : null;
  const ms = m ? Math.round(Number(m[1]) * { ms: 1, s: 1e3, m: 6e4, h: 36e5 }[m[2]]) : 0;
  if (ms <= 0) return fail(field, `must be a duration like 30s, 10m or 1h (got ${shown2(v)})`);
  return ms;
}
function setLockLevel(text, level) {
  if (!Number.isSafeInteger(level) || level < 0) throw new RangeError(`bad level ${level}`);
  const doc = parseYamlDocument(text, "uplevel.yml");
  const contents = doc.contents;
  const pair = import_yaml2.default.isMap(contents) ? contents.items.find((p) => import_yaml2.default.isScalar(p.key) && p.key.value === "level") : void 0;
  const range = import_yaml2.default.isScalar(pair?.value) ? pair.value.range : void 0;
  if (range) return `${text.slice(0, range[0])}${level}${text.slice(range[1])}`;
  doc.set("level", level);
  return doc.toString();
}
var import_semver2, import_yaml2, KNOWN, DEFAULT_TEST_TIMEOUT_MS, NAME2, URL_LIKE;
var init_lock = __esm({
  "src/core/lock.ts"() {
    "use strict";
    import_semver2 = __toESM(require_semver2(), 1);
    import_yaml2 = __toESM(require_dist(), 1);
    init_errors();
    init_types();
    init_yaml_text();
    KNOWN = /* @__PURE__ */ new Set([
      "product",
      "version",
      "channel",
      "level",
      "repository",
      "trust",
      "minRootVersion",
      "min-root-version",
      "pack",
      "overlay",
      "hotfixes",
      "tests",
      "source"
    ]);
    DEFAULT_TEST_TIMEOUT_MS = 10 * 60 * 1e3;
    NAME2 = /^[a-z0-9][a-z0-9._-]*$/;
    URL_LIKE = /^[a-z][a-z0-9+.-]+:\/\//i;
  }
});

// node_modules/pend/index.js
var require_pend = __commonJS({
  "node_modules/pend/index.js"(exports, module) {
    module.exports = Pend;
    function Pend() {
      this.pending = 0;
      this.max = Infinity;
      this.listeners = [];
      this.waiting = [];
      this.error = null;
    }
    Pend.prototype.go = function(fn) {
      if (this.pending < this.max) {
        pendGo(this, fn);
      } else {
        this.waiting.push(fn);
      }
    };
    Pend.prototype.wait = function(cb) {
      if (this.pending === 0) {
        cb(this.error);
      } else {
        this.listeners.push(cb);
      }
    };
    Pend.prototype.hold = function() {
      return pendHold(this);
    };
    function pendHold(self) {
      self.pending += 1;
      var called = false;
      return onCb;
      function onCb(err) {
        if (called) throw new Error("callback called twice");
        called = true;
        self.error = self.error || err;
        self.pending -= 1;
        if (self.waiting.length > 0 && self.pending < self.max) {
          pendGo(self, self.waiting.shift());
        } else if (self.pending === 0) {
          var listeners = self.listeners;
          self.listeners = [];
          listeners.forEach(cbListener);
        }
      }
      function cbListener(listener) {
        listener(self.error);
      }
    }
    function pendGo(self, fn) {
      fn(pendHold(self));
    }
  }
});

// node_modules/yauzl/fd-slicer.js
var require_fd_slicer = __commonJS({
  "node_modules/yauzl/fd-slicer.js"(exports) {
    var fs35 = __require("fs");
    var util = __require("util");
    var stream = __require("stream");
    var Readable4 = stream.Readable;
    var PassThrough2 = stream.PassThrough;
    var Pend = require_pend();
    var EventEmitter = __require("events").EventEmitter;
    exports.BufferSlicer = BufferSlicer;
    exports.FdSlicer = FdSlicer;
    util.inherits(FdSlicer, EventEmitter);
    function FdSlicer(fd) {
      EventEmitter.call(this);
      this.fd = fd;
      this.pend = new Pend();
      this.pend.max = 1;
      this.refCount = 0;
    }
    FdSlicer.prototype.read = function(buffer, offset, length, position, callback) {
      var self = this;
      self.pend.go(function(cb) {
        fs35.read(self.fd, buffer, offset, length, position, function(err, bytesRead, buffer2) {
          cb();
          callback(err, bytesRead, buffer2);
        });
      });
    };
    FdSlicer.prototype.createReadStream = function(options2) {
      return new ReadStream(this, options2);
    };
    FdSlicer.prototype.ref = function() {
      this.refCount += 1;
    };
    FdSlicer.prototype.unref = function() {
      var self = this;
      self.refCount -= 1;
      if (self.refCount < 0) throw new Error("invalid unref");
      if (self.refCount > 0) return;
      fs35.close(self.fd, onCloseDone);
      function onCloseDone(err) {
        if (err) {
          self.emit("error", err);
        } else {
          self.emit("close");
        }
      }
    };
    util.inherits(ReadStream, Readable4);
    function ReadStream(context, options2) {
      options2 = options2 || {};
      Readable4.call(this, options2);
      this.context = context;
      this.context.ref();
      this.start = options2.start || 0;
      this.endOffset = options2.end;
      this.pos = this.start;
    }
    ReadStream.prototype._read = function(n) {
      var self = this;
      var toRead = Math.min(self._readableState.highWaterMark, n);
      if (self.endOffset != null) {
        toRead = Math.min(toRead, self.endOffset - self.pos);
      }
      if (toRead <= 0) {
        self.push(null);
        this._cleanup();
        return;
      }
      self.context.pend.go(function(cb) {
        var buffer = Buffer.allocUnsafe(toRead);
        fs35.read(self.context.fd, buffer, 0, toRead, self.pos, function(err, bytesRead) {
          if (err) {
            self.destroy(err);
          } else if (bytesRead === 0) {
            self.push(null);
            self._cleanup();
          } else {
            self.pos += bytesRead;
            self.push(buffer.slice(0, bytesRead));
          }
          cb();
        });
      });
    };
    ReadStream.prototype._destroy = function(err, cb) {
      this._cleanup();
      cb(err);
    };
    ReadStream.prototype._cleanup = function() {
      if (this.context != null) {
        this.context.unref();
        this.context = null;
      }
    };
    util.inherits(BufferSlicer, EventEmitter);
    function BufferSlicer(buffer) {
      EventEmitter.call(this);
      this.refCount = 0;
      this.buffer = buffer;
    }
    BufferSlicer.prototype.read = function(buffer, offset, length, position, callback) {
      if (!(0 <= offset && offset <= buffer.length)) throw new RangeError("offset outside buffer: 0 <= " + offset + " <= " + buffer.length);
      if (position < 0) throw new RangeError("position is negative: " + position);
      if (offset + length > buffer.length) {
        length = buffer.length - offset;
      }
      if (position + length > this.buffer.length) {
        length = this.buffer.length - position;
      }
      if (length <= 0) {
        setImmediate(function() {
          callback(null, 0);
        });
        return;
      }
      this.buffer.copy(buffer, offset, position, position + length);
      setImmediate(function() {
        callback(null, length);
      });
    };
    BufferSlicer.prototype.createReadStream = function(options2) {
      options2 = options2 || {};
      var readStream = new PassThrough2(options2);
      readStream.start = options2.start || 0;
      readStream.endOffset = options2.end;
      readStream.pos = readStream.endOffset || this.buffer.length;
      var entireSlice = this.buffer.slice(readStream.start, readStream.pos);
      var maxChunkSize = 65536;
      var offset = 0;
      while (true) {
        var nextOffset = offset + maxChunkSize;
        if (nextOffset >= entireSlice.length) {
          if (offset < entireSlice.length) {
            readStream.write(entireSlice.slice(offset, entireSlice.length));
          }
          break;
        }
        readStream.write(entireSlice.slice(offset, nextOffset));
        offset = nextOffset;
      }
      readStream.end();
      return readStream;
    };
    BufferSlicer.prototype.ref = function() {
      this.refCount += 1;
    };
    BufferSlicer.prototype.unref = function() {
      this.refCount -= 1;
      if (this.refCount < 0) {
        throw new Error("invalid unref");
      }
    };
  }
});

// node_modules/yauzl/crc32.js
var require_crc32 = __commonJS({
  "node_modules/yauzl/crc32.js"(exports, module) {
    var CRC_TABLE = new Int32Array([
      0,
      1996959894,
      3993919788,
      2567524794,
      124634137,
      1886057615,
      3915621685,
      2657392035,
      249268274,
      2044508324,
      3772115230,
      2547177864,
      162941995,
      2125561021,
      3887607047,
      2428444049,
      498536548,
      1789927666,
      4089016648,
      2227061214,
      450548861,
      1843258603,
      4107580753,
      2211677639,
      325883990,
      1684777152,
      4251122042,
      2321926636,
      335633487,
      1661365465,
      4195302755,
      2366115317,
      997073096,
      1281953886,
      3579855332,
      2724688242,
      1006888145,
      1258607687,
      3524101629,
      2768942443,
      901097722,
      1119000684,
      3686517206,
      2898065728,
      853044451,
      1172266101,
      3705015759,
      2882616665,
      651767980,
      1373503546,
      3369554304,
      3218104598,
      565507253,
      1454621731,
      3485111705,
      3099436303,
      671266974,
      1594198024,
      3322730930,
      2970347812,
      795835527,
      1483230225,
      3244367275,
      3060149565,
      1994146192,
      31158534,
      2563907772,
      4023717930,
      1907459465,
      112637215,
      2680153253,
      3904427059,
      2013776290,
      251722036,
      2517215374,
      3775830040,
      2137656763,
      141376813,
      2439277719,
      3865271297,
      1802195444,
      476864866,
      2238001368,
      4066508878,
      1812370925,
      453092731,
      2181625025,
      4111451223,
      1706088902,
      314042704,
      2344532202,
      4240017532,
      1658658271,
      366619977,
      2362670323,
      4224994405,
      1303535960,
      984961486,
      2747007092,
      3569037538,
      1256170817,
      1037604311,
      2765210733,
      3554079995,
      1131014506,
      879679996,
      2909243462,
      3663771856,
      1141124467,
      855842277,
      2852801631,
      3708648649,
      1342533948,
      654459306,
      3188396048,
      3373015174,
      1466479909,
      544179635,
      3110523913,
      3462522015,
      1591671054,
      702138776,
      2966460450,
      3352799412,
      1504918807,
      783551873,
      3082640443,
      3233442989,
      3988292384,
      2596254646,
      62317068,
      1957810842,
      3939845945,
      2647816111,
      81470997,
      1943803523,
      3814918930,
      2489596804,
      225274430,
      2053790376,
      3826175755,
      2466906013,
      167816743,
      2097651377,
      4027552580,
      2265490386,
      503444072,
      1762050814,
      4150417245,
      2154129355,
      426522225,
      1852507879,
      4275313526,
      2312317920,
      282753626,
      1742555852,
      4189708143,
      2394877945,
      397917763,
      1622183637,
      3604390888,
      2714866558,
      953729732,
      1340076626,
      3518719985,
      2797360999,
      1068828381,
      1219638859,
      3624741850,
      2936675148,
      906185462,
      1090812512,
      3747672003,
      2825379669,
      829329135,
      1181335161,
      3412177804,
      3160834842,
      628085408,
      1382605366,
      3423369109,
      3138078467,
      570562233,
      1426400815,
      3317316542,
      2998733608,
      733239954,
      1555261956,
      3268935591,
      3050360625,
      752459403,
      1541320221,
      2607071920,
      3965973030,
      1969922972,
      40735498,
      2617837225,
      3943577151,
      1913087877,
      83908371,
      2512341634,
      3803740692,
      2075208622,
      213261112,
      2463272603,
      3855990285,
      2094854071,
      198958881,
      2262029012,
      4057260610,
      1759359992,
      534414190,
      2176718541,
      4139329115,
      1873836001,
      414664567,
      2282248934,
      4279200368,
      1711684554,
      285281116,
      2405801727,
      4167216745,
      1634467795,
      376229701,
      2685067896,
      3608007406,
      1308918612,
      956543938,
      2808555105,
      3495958263,
      1231636301,
      1047427035,
      2932959818,
      3654703836,
      1088359270,
      936918e3,
      2847714899,
      3736837829,
      1202900863,
      817233897,
      3183342108,
      3401237130,
      1404277552,
      615818150,
      3134207493,
      3453421203,
      1423857449,
      601450431,
      3009837614,
      3294710456,
      1567103746,
      711928724,
      3020668471,
      3272380065,
      1510334235,
      755167117
    ]);
    function crc322(buf) {
      let crc = -1;
      for (let x of buf) {
        crc = CRC_TABLE[(crc ^ x) & 255] ^ crc >>> 8;
      }
      return (crc ^ -1) >>> 0;
    }
    module.exports = crc322;
  }
});

// node_modules/yauzl/index.js
var require_yauzl = __commonJS({
  "node_modules/yauzl/index.js"(exports) {
    var fs35 = __require("fs");
    var zlib2 = __require("zlib");
    var fd_slicer = require_fd_slicer();
    var util = __require("util");
    var EventEmitter = __require("events").EventEmitter;
    var Transform5 = __require("stream").Transform;
    var PassThrough2 = __require("stream").PassThrough;
    var Writable = __require("stream").Writable;
    var crc322 = typeof zlib2.crc32 === "function" ? zlib2.crc32 : require_crc32();
    exports.open = open;
    exports.fromFd = fromFd;
    exports.fromBuffer = fromBuffer;
    exports.fromRandomAccessReader = fromRandomAccessReader;
    exports.openPromise = openPromise;
    exports.fromFdPromise = fromFdPromise;
    exports.fromBufferPromise = fromBufferPromise;
    exports.fromRandomAccessReaderPromise = fromRandomAccessReaderPromise;
    exports.dosDateTimeToDate = dosDateTimeToDate;
    exports.getFileNameLowLevel = getFileNameLowLevel;
    exports.validateFileName = validateFileName;
    exports.parseExtraFields = parseExtraFields;
    exports.ZipFile = ZipFile;
    exports.Entry = Entry;
    exports.LocalFileHeader = LocalFileHeader;
    exports.RandomAccessReader = RandomAccessReader;
    function openPromise(path39, options2) {
      return new Promise((resolve, reject) => {
        open(path39, { ...options2, lazyEntries: true }, function(err, zipfile) {
          if (err) return reject(err);
          resolve(zipfile);
        });
      });
    }
    function fromFdPromise(fd, options2) {
      return new Promise((resolve, reject) => {
        fromFd(fd, { ...options2, lazyEntries: true }, function(err, zipfile) {
          if (err) return reject(err);
          resolve(zipfile);
        });
      });
    }
    function fromBufferPromise(buffer, options2) {
      return new Promise((resolve, reject) => {
        fromBuffer(buffer, { ...options2, lazyEntries: true }, function(err, zipfile) {
          if (err) return reject(err);
          resolve(zipfile);
        });
      });
    }
    function fromRandomAccessReaderPromise(reader, totalSize, options2) {
      return new Promise((resolve, reject) => {
        fromRandomAccessReader(reader, totalSize, { ...options2, lazyEntries: true }, function(err, zipfile) {
          if (err) return reject(err);
          resolve(zipfile);
        });
      });
    }
    function open(path39, options2, callback) {
      if (typeof options2 === "function") {
        callback = options2;
        options2 = null;
      }
      if (options2 == null) options2 = {};
      if (options2.autoClose == null) options2.autoClose = true;
      if (options2.lazyEntries == null) options2.lazyEntries = false;
      if (options2.decodeStrings == null) options2.decodeStrings = true;
      if (options2.validateEntrySizes == null) options2.validateEntrySizes = true;
      if (options2.strictFileNames == null) options2.strictFileNames = false;
      if (callback == null) callback = defaultCallback;
      fs35.open(path39, "r", function(err, fd) {
        if (err) return callback(err);
        fromFd(fd, options2, function(err2, zipfile) {
          if (err2) fs35.close(fd, defaultCallback);
          callback(err2, zipfile);
        });
      });
    }
    function fromFd(fd, options2, callback) {
      if (typeof options2 === "function") {
        callback = options2;
        options2 = null;
      }
      if (options2 == null) options2 = {};
      if (options2.autoClose == null) options2.autoClose = false;
      if (options2.lazyEntries == null) options2.lazyEntries = false;
      if (options2.decodeStrings == null) options2.decodeStrings = true;
      if (options2.validateEntrySizes == null) options2.validateEntrySizes = true;
      if (options2.strictFileNames == null) options2.strictFileNames = false;
      if (callback == null) callback = defaultCallback;
      fs35.fstat(fd, function(err, stats) {
        if (err) return callback(err);
        var reader = new fd_slicer.FdSlicer(fd);
        fromRandomAccessReader(reader, stats.size, options2, callback);
      });
    }
    function fromBuffer(buffer, options2, callback) {
      if (typeof options2 === "function") {
        callback = options2;
        options2 = null;
      }
      if (options2 == null) options2 = {};
      options2.autoClose = false;
      if (options2.lazyEntries == null) options2.lazyEntries = false;
      if (options2.decodeStrings == null) options2.decodeStrings = true;
      if (options2.validateEntrySizes == null) options2.validateEntrySizes = true;
      if (options2.strictFileNames == null) options2.strictFileNames = false;
      var reader = new fd_slicer.BufferSlicer(buffer);
      fromRandomAccessReader(reader, buffer.length, options2, callback);
    }
    function fromRandomAccessReader(reader, totalSize, options2, callback) {
      if (typeof options2 === "function") {
        callback = options2;
        options2 = null;
      }
      if (options2 == null) options2 = {};
      if (options2.autoClose == null) options2.autoClose = true;
      if (options2.lazyEntries == null) options2.lazyEntries = false;
      if (options2.decodeStrings == null) options2.decodeStrings = true;
      var decodeStrings = !!options2.decodeStrings;
      if (options2.validateEntrySizes == null) options2.validateEntrySizes = true;
      if (options2.strictFileNames == null) options2.strictFileNames = false;
      if (callback == null) callback = defaultCallback;
      if (typeof totalSize !== "number") throw new Error("expected totalSize parameter to be a number");
      if (totalSize > Number.MAX_SAFE_INTEGER) {
        throw new Error("zip file too large. only file sizes up to 2^52 are supported due to JavaScript's Number type being an IEEE 754 double.");
      }
      reader.ref();
      var eocdrWithoutCommentSize = 22;
      var zip64EocdlSize = 20;
      var maxCommentSize = 65535;
      var bufferSize = Math.min(zip64EocdlSize + eocdrWithoutCommentSize + maxCommentSize, totalSize);
      var buffer = newBuffer(bufferSize);
      var bufferReadStart = totalSize - buffer.length;
      readAndAssertNoEof(reader, buffer, 0, bufferSize, bufferReadStart, function(err) {
        if (err) return callback(err);
        for (var i = bufferSize - eocdrWithoutCommentSize; i >= 0; i -= 1) {
          if (buffer.readUInt32LE(i) !== 101010256) continue;
          var eocdrBuffer = buffer.subarray(i);
          var diskNumber = eocdrBuffer.readUInt16LE(4);
          var entryCount = eocdrBuffer.readUInt16LE(10);
          var centralDirectoryOffset = eocdrBuffer.readUInt32LE(16);
          var commentLength = eocdrBuffer.readUInt16LE(20);
          var expectedCommentLength = eocdrBuffer.length - eocdrWithoutCommentSize;
          if (commentLength !== expectedCommentLength) {
            return callback(new Error("Invalid comment length. Expected: " + expectedCommentLength + ". Found: " + commentLength + ". Are there extra bytes at the end of the file? Or is the end of central dir signature `PK\u263A\u263B` in the comment?"));
          }
          var comment = decodeStrings ? decodeBuffer(eocdrBuffer.subarray(22), false) : eocdrBuffer.subarray(22);
          if (i - zip64EocdlSize >= 0 && buffer.readUInt32LE(i - zip64EocdlSize) === 117853008) {
            var zip64EocdlBuffer = buffer.subarray(i - zip64EocdlSize, i - zip64EocdlSize + zip64EocdlSize);
            var zip64EocdrOffset = readUInt64LE(zip64EocdlBuffer, 8);
            var zip64EocdrBuffer = newBuffer(56);
            return readAndAssertNoEof(reader, zip64EocdrBuffer, 0, zip64EocdrBuffer.length, zip64EocdrOffset, function(err2) {
              if (err2) return callback(err2);
              if (zip64EocdrBuffer.readUInt32LE(0) !== 101075792) {
                return callback(new Error("invalid zip64 end of central directory record signature"));
              }
              diskNumber = zip64EocdrBuffer.readUInt32LE(16);
              if (diskNumber !== 0) {
                return callback(new Error("multi-disk zip files are not supported: found disk number: " + diskNumber));
              }
              entryCount = readUInt64LE(zip64EocdrBuffer, 32);
              centralDirectoryOffset = readUInt64LE(zip64EocdrBuffer, 48);
              return callback(null, new ZipFile(reader, centralDirectoryOffset, totalSize, entryCount, comment, options2.autoClose, options2.lazyEntries, decodeStrings, options2.validateEntrySizes, options2.strictFileNames));
            });
          }
          if (diskNumber !== 0) {
            return callback(new Error("multi-disk zip files are not supported: found disk number: " + diskNumber));
          }
          return callback(null, new ZipFile(reader, centralDirectoryOffset, totalSize, entryCount, comment, options2.autoClose, options2.lazyEntries, decodeStrings, options2.validateEntrySizes, options2.strictFileNames));
        }
        callback(new Error("End of central directory record signature not found. Either not a zip file, or file is truncated."));
      });
    }
    util.inherits(ZipFile, EventEmitter);
    function ZipFile(reader, centralDirectoryOffset, fileSize, entryCount, comment, autoClose, lazyEntries, decodeStrings, validateEntrySizes, strictFileNames) {
      var self = this;
      EventEmitter.call(self);
      self.reader = reader;
      self.reader.on("error", function(err) {
        emitError(self, err);
      });
      self.reader.once("close", function() {
        self.emit("close");
      });
      self.readEntryCursor = centralDirectoryOffset;
      self.fileSize = fileSize;
      self.entryCount = entryCount;
      self.comment = comment;
      self.entriesRead = 0;
      self.autoClose = !!autoClose;
      self.lazyEntries = !!lazyEntries;
      self.decodeStrings = !!decodeStrings;
      self.validateEntrySizes = !!validateEntrySizes;
      self.strictFileNames = !!strictFileNames;
      self.isOpen = true;
      self.emittedError = false;
      self.hasEachEntryBeenCalled = false;
      if (!self.lazyEntries) self._readEntry();
    }
    ZipFile.prototype.close = function() {
      if (!this.isOpen) return;
      this.isOpen = false;
      this.reader.unref();
    };
    function emitErrorAndAutoClose(self, err) {
      if (self.autoClose) self.close();
      emitError(self, err);
    }
    function emitError(self, err) {
      if (self.emittedError) return;
      self.emittedError = true;
      self.emit("error", err);
    }
    ZipFile.prototype.readEntry = function() {
      if (!this.lazyEntries) throw new Error("readEntry() called without lazyEntries:true");
      this._readEntry();
    };
    ZipFile.prototype._readEntry = function() {
      var self = this;
      if (self.entryCount === self.entriesRead) {
        setImmediate(function() {
          if (self.autoClose) self.close();
          if (self.emittedError) return;
          self.emit("end");
        });
        return;
      }
      if (self.emittedError) return;
      var buffer = newBuffer(46);
      readAndAssertNoEof(self.reader, buffer, 0, buffer.length, self.readEntryCursor, function(err) {
        if (err) return emitErrorAndAutoClose(self, err);
        if (self.emittedError) return;
        var entry = new Entry();
        var signature = buffer.readUInt32LE(0);
        if (signature !== 33639248) return emitErrorAndAutoClose(self, new Error("invalid central directory file header signature: 0x" + signature.toString(16)));
        entry.versionMadeBy = buffer.readUInt16LE(4);
        entry.versionNeededToExtract = buffer.readUInt16LE(6);
        entry.generalPurposeBitFlag = buffer.readUInt16LE(8);
        entry.compressionMethod = buffer.readUInt16LE(10);
        entry.lastModFileTime = buffer.readUInt16LE(12);
        entry.lastModFileDate = buffer.readUInt16LE(14);
        entry.crc32 = buffer.readUInt32LE(16);
        entry.compressedSize = buffer.readUInt32LE(20);
        entry.uncompressedSize = buffer.readUInt32LE(24);
        entry.fileNameLength = buffer.readUInt16LE(28);
        entry.extraFieldLength = buffer.readUInt16LE(30);
        entry.fileCommentLength = buffer.readUInt16LE(32);
        entry.internalFileAttributes = buffer.readUInt16LE(36);
        entry.externalFileAttributes = buffer.readUInt32LE(38);
        entry.relativeOffsetOfLocalHeader = buffer.readUInt32LE(42);
        if (entry.generalPurposeBitFlag & 64) return emitErrorAndAutoClose(self, new Error("strong encryption is not supported"));
        self.readEntryCursor += 46;
        buffer = newBuffer(entry.fileNameLength + entry.extraFieldLength + entry.fileCommentLength);
        readAndAssertNoEof(self.reader, buffer, 0, buffer.length, self.readEntryCursor, function(err2) {
          if (err2) return emitErrorAndAutoClose(self, err2);
          if (self.emittedError) return;
          entry.fileNameRaw = buffer.subarray(0, entry.fileNameLength);
          var fileCommentStart = entry.fileNameLength + entry.extraFieldLength;
          entry.extraFieldRaw = buffer.subarray(entry.fileNameLength, fileCommentStart);
          entry.fileCommentRaw = buffer.subarray(fileCommentStart, fileCommentStart + entry.fileCommentLength);
          try {
            entry.extraFields = parseExtraFields(entry.extraFieldRaw);
          } catch (err3) {
            return emitErrorAndAutoClose(self, err3);
          }
          if (self.decodeStrings) {
            var isUtf8 = (entry.generalPurposeBitFlag & 2048) !== 0;
            entry.fileComment = decodeBuffer(entry.fileCommentRaw, isUtf8);
            entry.fileName = getFileNameLowLevel(entry.generalPurposeBitFlag, entry.fileNameRaw, entry.extraFields, self.strictFileNames);
            var errorMessage = validateFileName(entry.fileName);
            if (errorMessage != null) return emitErrorAndAutoClose(self, new Error(errorMessage));
          } else {
            entry.fileComment = entry.fileCommentRaw;
            entry.fileName = entry.fileNameRaw;
          }
          entry.comment = entry.fileComment;
          self.readEntryCursor += buffer.length;
          self.entriesRead += 1;
          for (var i = 0; i < entry.extraFields.length; i++) {
            var extraField = entry.extraFields[i];
            if (extraField.id !== 1) continue;
            var zip64EiefBuffer = extraField.data;
            var index = 0;
            if (entry.uncompressedSize === 4294967295) {
              if (index + 8 > zip64EiefBuffer.length) {
                return emitErrorAndAutoClose(self, new Error("zip64 extended information extra field does not include uncompressed size"));
              }
              entry.uncompressedSize = readUInt64LE(zip64EiefBuffer, index);
              index += 8;
            }
            if (entry.compressedSize === 4294967295) {
              if (index + 8 > zip64EiefBuffer.length) {
                return emitErrorAndAutoClose(self, new Error("zip64 extended information extra field does not include compressed size"));
              }
              entry.compressedSize = readUInt64LE(zip64EiefBuffer, index);
              index += 8;
            }
            if (entry.relativeOffsetOfLocalHeader === 4294967295) {
              if (index + 8 > zip64EiefBuffer.length) {
                return emitErrorAndAutoClose(self, new Error("zip64 extended information extra field does not include relative header offset"));
              }
              entry.relativeOffsetOfLocalHeader = readUInt64LE(zip64EiefBuffer, index);
              index += 8;
            }
            break;
          }
          if (self.validateEntrySizes && entry.compressionMethod === 0) {
            var expectedCompressedSize = entry.uncompressedSize;
            if (entry.isEncrypted()) {
              expectedCompressedSize += 12;
            }
            if (entry.compressedSize !== expectedCompressedSize) {
              var msg = "compressed/uncompressed size mismatch for stored file: " + entry.compressedSize + " != " + entry.uncompressedSize;
              return emitErrorAndAutoClose(self, new Error(msg));
            }
          }
          self.emit("entry", entry);
          if (!self.lazyEntries) self._readEntry();
        });
      });
    };
    ZipFile.prototype.eachEntry = function() {
      const self = this;
      if (!self.lazyEntries) throw new Error("eachEntry() requires lazyEntries: true");
      if (self.hasEachEntryBeenCalled) throw new Error("eachEntry() must only be called once per ZipFile");
      self.hasEachEntryBeenCalled = true;
      let pendingResolveReject = null;
      self.on("entry", onEntry);
      self.on("end", onEnd);
      self.on("error", onError);
      function cleanup() {
        self.removeListener("entry", onEntry);
        self.removeListener("end", onEnd);
        self.removeListener("error", onError);
        if (self.autoClose) self.close();
      }
      function onEntry(entry) {
        let { resolve } = pendingResolveReject;
        pendingResolveReject = null;
        resolve({ value: entry });
      }
      function onEnd() {
        let { resolve } = pendingResolveReject;
        pendingResolveReject = null;
        cleanup();
        resolve({ done: true });
      }
      function onError(err) {
        let { reject } = pendingResolveReject;
        pendingResolveReject = null;
        cleanup();
        reject(err);
      }
      return {
        [Symbol.asyncIterator]() {
          return this;
        },
        next() {
          const promise = new Promise((resolve, reject) => {
            if (pendingResolveReject != null) throw new Error("next() called before previous Promise was resolved.");
            pendingResolveReject = { resolve, reject };
          });
          self.readEntry();
          return promise;
        },
        return(value) {
          cleanup();
          return Promise.resolve({ done: true, value });
        },
        throw(value) {
          cleanup();
          return Promise.reject(value);
        }
      };
    };
    ZipFile.prototype.openReadStream = function(entry, options2, callback) {
      var self = this;
      var relativeStart = 0;
      var relativeEnd = entry.compressedSize;
      if (callback == null) {
        callback = options2;
        options2 = null;
      }
      if (options2 == null) {
        options2 = {};
      } else {
        if (options2.decodeFileData === false) {
          if (options2.decrypt != null) {
            throw new Error("cannot use options.decrypt when options.decodeFileData === false");
          }
          if (options2.decompress != null) {
            throw new Error("cannot use options.decompress when options.decodeFileData === false");
          }
        } else {
          if (options2.decrypt != null) {
            if (!entry.isEncrypted()) {
              throw new Error("options.decrypt can only be specified for encrypted entries. See also option decodeFileData.");
            }
            if (options2.decrypt !== false) throw new Error("invalid options.decrypt value: " + options2.decrypt);
            if (entry.isCompressed()) {
              if (options2.decompress !== false) throw new Error("entry is encrypted and compressed, and options.decompress !== false. See also option decodeFileData.");
            }
          }
          if (options2.decompress != null) {
            if (!entry.isCompressed()) {
              throw new Error("options.decompress can only be specified for compressed entries. See also option decodeFileData.");
            }
            if (!(options2.decompress === false || options2.decompress === true)) {
              throw new Error("invalid options.decompress value: " + options2.decompress);
            }
            decompress = options2.decompress;
          }
        }
        if (options2.start != null) {
          relativeStart = options2.start;
          if (relativeStart < 0) throw new Error("options.start < 0");
          if (relativeStart > entry.compressedSize) throw new Error("options.start > entry.compressedSize");
        }
        if (options2.end != null) {
          relativeEnd = options2.end;
          if (relativeEnd < 0) throw new Error("options.end < 0");
          if (relativeEnd > entry.compressedSize) throw new Error("options.end > entry.compressedSize");
          if (relativeEnd < relativeStart) throw new Error("options.end < options.start");
        }
      }
      var rawMode = options2.decodeFileData === false || // Explicitly requested raw.
      (entry.compressionMethod === 0 || // Naturally without compression.
      entry.compressionMethod === 8 && options2.decompress === false) && (!entry.isEncrypted() || // Naturally without encryption.
      options2.decrypt === false);
      if (options2.start != null || options2.end != null) {
        if (!rawMode) throw new Error("start/end range require options.decodeFileData === false for non-trivial encoded entries.");
      }
      if (!self.isOpen) return callback(new Error("closed"));
      if (entry.isEncrypted() && !rawMode) {
        if (options2.decrypt !== false) return callback(new Error("entry is encrypted, and options.decodeFileData !== false"));
      }
      var decompress;
      if (rawMode) {
        decompress = false;
      } else if (entry.compressionMethod === 8) {
        decompress = options2.decodeFileData !== true;
      } else {
        return callback(new Error("unsupported compression method: " + entry.compressionMethod));
      }
      self.readLocalFileHeader(entry, { minimal: true }, function(err, localFileHeader) {
        if (err) return callback(err);
        self.openReadStreamLowLevel(
          localFileHeader.fileDataStart,
          entry.compressedSize,
          relativeStart,
          relativeEnd,
          decompress,
          entry.uncompressedSize,
          callback
        );
      });
    };
    ZipFile.prototype.openReadStreamLowLevel = function(fileDataStart, compressedSize, relativeStart, relativeEnd, decompress, uncompressedSize, callback) {
      var self = this;
      var fileDataEnd = fileDataStart + compressedSize;
      var readStream = self.reader.createReadStream({
        start: fileDataStart + relativeStart,
        end: fileDataStart + relativeEnd
      });
      var endpointStream = readStream;
      if (decompress) {
        var destroyed = false;
        var inflateFilter = zlib2.createInflateRaw();
        readStream.on("error", function(err) {
          setImmediate(function() {
            if (!destroyed) inflateFilter.emit("error", err);
          });
        });
        readStream.pipe(inflateFilter);
        if (self.validateEntrySizes) {
          endpointStream = new AssertByteCountStream(uncompressedSize);
          inflateFilter.on("error", function(err) {
            setImmediate(function() {
              if (!destroyed) endpointStream.emit("error", err);
            });
          });
          inflateFilter.pipe(endpointStream);
        } else {
          endpointStream = inflateFilter;
        }
        installDestroyFn(endpointStream, function() {
          destroyed = true;
          if (inflateFilter !== endpointStream) inflateFilter.unpipe(endpointStream);
          readStream.unpipe(inflateFilter);
          readStream.destroy();
        });
      }
      callback(null, endpointStream);
    };
    ZipFile.prototype.readLocalFileHeader = function(entry, options2, callback) {
      var self = this;
      if (callback == null) {
        callback = options2;
        options2 = null;
      }
      if (options2 == null) options2 = {};
      self.reader.ref();
      var buffer = newBuffer(30);
      readAndAssertNoEof(self.reader, buffer, 0, buffer.length, entry.relativeOffsetOfLocalHeader, function(err) {
        try {
          if (err) return callback(err);
          var signature = buffer.readUInt32LE(0);
          if (signature !== 67324752) {
            return callback(new Error("invalid local file header signature: 0x" + signature.toString(16)));
          }
          var fileNameLength = buffer.readUInt16LE(26);
          var extraFieldLength = buffer.readUInt16LE(28);
          var fileDataStart = entry.relativeOffsetOfLocalHeader + 30 + fileNameLength + extraFieldLength;
          if (fileDataStart + entry.compressedSize > self.fileSize) {
            return callback(new Error("file data overflows file bounds: " + fileDataStart + " + " + entry.compressedSize + " > " + self.fileSize));
          }
          if (options2.minimal) {
            return callback(null, { fileDataStart });
          }
          var localFileHeader = new LocalFileHeader();
          localFileHeader.fileDataStart = fileDataStart;
          localFileHeader.versionNeededToExtract = buffer.readUInt16LE(4);
          localFileHeader.generalPurposeBitFlag = buffer.readUInt16LE(6);
          localFileHeader.compressionMethod = buffer.readUInt16LE(8);
          localFileHeader.lastModFileTime = buffer.readUInt16LE(10);
          localFileHeader.lastModFileDate = buffer.readUInt16LE(12);
          localFileHeader.crc32 = buffer.readUInt32LE(14);
          localFileHeader.compressedSize = buffer.readUInt32LE(18);
          localFileHeader.uncompressedSize = buffer.readUInt32LE(22);
          localFileHeader.fileNameLength = fileNameLength;
          localFileHeader.extraFieldLength = extraFieldLength;
          buffer = newBuffer(fileNameLength + extraFieldLength);
          self.reader.ref();
          readAndAssertNoEof(self.reader, buffer, 0, buffer.length, entry.relativeOffsetOfLocalHeader + 30, function(err2) {
            try {
              if (err2) return callback(err2);
              localFileHeader.fileName = buffer.subarray(0, fileNameLength);
              localFileHeader.extraField = buffer.subarray(fileNameLength);
              return callback(null, localFileHeader);
            } finally {
              self.reader.unref();
            }
          });
        } finally {
          self.reader.unref();
        }
      });
    };
    ZipFile.prototype.openReadStreamPromise = function(entry, options2) {
      return new Promise((resolve, reject) => {
        this.openReadStream(entry, options2, function(err, readStream) {
          if (err) return reject(err);
          resolve(readStream);
        });
      });
    };
    ZipFile.prototype.openReadStreamLowLevelPromise = function(fileDataStart, compressedSize, relativeStart, relativeEnd, decompress, uncompressedSize) {
      return new Promise((resolve, reject) => {
        this.openReadStream(fileDataStart, compressedSize, relativeStart, relativeEnd, decompress, uncompressedSize, function(err, readStream) {
          if (err) return reject(err);
          resolve(readStream);
        });
      });
    };
    ZipFile.prototype.readLocalFileHeaderPromise = function(entry, options2) {
      return new Promise((resolve, reject) => {
        this.readLocalFileHeader(entry, options2, function(err, localFileHeader) {
          if (err) return reject(err);
          resolve(localFileHeader);
        });
      });
    };
    function Entry() {
    }
    Entry.prototype.getLastModDate = function(options2) {
      if (options2 == null) options2 = {};
      if (!options2.forceDosFormat) {
        for (var i = 0; i < this.extraFields.length; i++) {
          var extraField = this.extraFields[i];
          if (extraField.id === 21589) {
            var data = extraField.data;
            if (data.length < 5) continue;
            var flags = data[0];
            var HAS_MTIME = 1;
            if (!(flags & HAS_MTIME)) continue;
            var posixTimestamp = data.readInt32LE(1);
            return new Date(posixTimestamp * 1e3);
          } else if (extraField.id === 10) {
            var data = extraField.data;
            if (data.length !== 32) continue;
            if (data.readUInt16LE(4) !== 1) continue;
            if (data.readUInt16LE(6) !== 24) continue;
            var hundredNanoSecondsSince1601 = data.readUInt32LE(8) + 4294967296 * data.readInt32LE(12);
            var millisecondsSince1970 = hundredNanoSecondsSince1601 / 1e4 - 116444736e5;
            return new Date(millisecondsSince1970);
          }
        }
      }
      return dosDateTimeToDate(this.lastModFileDate, this.lastModFileTime, options2.timezone);
    };
    Entry.prototype.canDecodeFileData = function() {
      return !this.isEncrypted() && (this.compressionMethod === 0 || this.compressionMethod === 8);
    };
    Entry.prototype.isEncrypted = function() {
      return (this.generalPurposeBitFlag & 1) !== 0;
    };
    Entry.prototype.isCompressed = function() {
      return this.compressionMethod === 8;
    };
    function LocalFileHeader() {
    }
    function dosDateTimeToDate(date, time, timezone) {
      var day = date & 31;
      var month = (date >> 5 & 15) - 1;
      var year = (date >> 9 & 127) + 1980;
      var millisecond = 0;
      var second = (time & 31) * 2;
      var minute = time >> 5 & 63;
      var hour = time >> 11 & 31;
      if (timezone == null || timezone === "local") {
        return new Date(year, month, day, hour, minute, second, millisecond);
      } else if (timezone === "UTC") {
        return new Date(Date.UTC(year, month, day, hour, minute, second, millisecond));
      } else {
        throw new Error("unrecognized options.timezone: " + options.timezone);
      }
    }
    function getFileNameLowLevel(generalPurposeBitFlag, fileNameBuffer, extraFields, strictFileNames) {
      var fileName = null;
      for (var i = 0; i < extraFields.length; i++) {
        var extraField = extraFields[i];
        if (extraField.id === 28789) {
          if (extraField.data.length < 6) {
            continue;
          }
          if (extraField.data.readUInt8(0) !== 1) {
            continue;
          }
          var oldNameCrc32 = extraField.data.readUInt32LE(1);
          if (crc322(fileNameBuffer) !== oldNameCrc32) {
            continue;
          }
          fileName = decodeBuffer(extraField.data.subarray(5), true);
          break;
        }
      }
      if (fileName == null) {
        var isUtf8 = (generalPurposeBitFlag & 2048) !== 0;
        fileName = decodeBuffer(fileNameBuffer, isUtf8);
      }
      if (!strictFileNames) {
        fileName = fileName.replace(/\\/g, "/");
      }
      return fileName;
    }
    function validateFileName(fileName) {
      if (fileName.indexOf("\\") !== -1) {
        return "invalid characters in fileName: " + fileName;
      }
      if (/^[a-zA-Z]:/.test(fileName) || /^\//.test(fileName)) {
        return "absolute path: " + fileName;
      }
      if (fileName.split("/").indexOf("..") !== -1) {
        return "invalid relative path: " + fileName;
      }
      return null;
    }
    function parseExtraFields(extraFieldBuffer) {
      var extraFields = [];
      var i = 0;
      while (i < extraFieldBuffer.length - 3) {
        var headerId = extraFieldBuffer.readUInt16LE(i + 0);
        var dataSize = extraFieldBuffer.readUInt16LE(i + 2);
        var dataStart = i + 4;
        var dataEnd = dataStart + dataSize;
        if (dataEnd > extraFieldBuffer.length) throw new Error("extra field length exceeds extra field buffer size");
        var dataBuffer = extraFieldBuffer.subarray(dataStart, dataEnd);
        extraFields.push({
          id: headerId,
          data: dataBuffer
        });
        i = dataEnd;
      }
      return extraFields;
    }
    function readAndAssertNoEof(reader, buffer, offset, length, position, callback) {
      if (length === 0) {
        return setImmediate(function() {
          callback(null, newBuffer(0));
        });
      }
      reader.read(buffer, offset, length, position, function(err, bytesRead) {
        if (err) return callback(err);
        if (bytesRead < length) {
          return callback(new Error("unexpected EOF"));
        }
        callback();
      });
    }
    util.inherits(AssertByteCountStream, Transform5);
    function AssertByteCountStream(byteCount) {
      Transform5.call(this);
      this.actualByteCount = 0;
      this.expectedByteCount = byteCount;
    }
    AssertByteCountStream.prototype._transform = function(chunk, encoding, cb) {
      this.actualByteCount += chunk.length;
      if (this.actualByteCount > this.expectedByteCount) {
        var msg = "too many bytes in the stream. expected " + this.expectedByteCount + ". got at least " + this.actualByteCount;
        return cb(new Error(msg));
      }
      cb(null, chunk);
    };
    AssertByteCountStream.prototype._flush = function(cb) {
      if (this.actualByteCount < this.expectedByteCount) {
        var msg = "not enough bytes in the stream. expected " + this.expectedByteCount + ". got only " + this.actualByteCount;
        return cb(new Error(msg));
      }
      cb();
    };
    util.inherits(RandomAccessReader, EventEmitter);
    function RandomAccessReader() {
      EventEmitter.call(this);
      this.refCount = 0;
    }
    RandomAccessReader.prototype.ref = function() {
      this.refCount += 1;
    };
    RandomAccessReader.prototype.unref = function() {
      var self = this;
      self.refCount -= 1;
      if (self.refCount > 0) return;
      if (self.refCount < 0) throw new Error("invalid unref");
      self.close(onCloseDone);
      function onCloseDone(err) {
        if (err) return self.emit("error", err);
        self.emit("close");
      }
    };
    RandomAccessReader.prototype.createReadStream = function(options2) {
      if (options2 == null) options2 = {};
      var start = options2.start;
      var end = options2.end;
      if (start === end) {
        var emptyStream = new PassThrough2();
        setImmediate(function() {
          emptyStream.end();
        });
        return emptyStream;
      }
      var stream = this._readStreamForRange(start, end);
      var destroyed = false;
      var refUnrefFilter = new RefUnrefFilter(this);
      stream.on("error", function(err) {
        setImmediate(function() {
          if (!destroyed) refUnrefFilter.emit("error", err);
        });
      });
      installDestroyFn(refUnrefFilter, function() {
        stream.unpipe(refUnrefFilter);
        refUnrefFilter.unref();
        stream.destroy();
      });
      var byteCounter = new AssertByteCountStream(end - start);
      refUnrefFilter.on("error", function(err) {
        setImmediate(function() {
          if (!destroyed) byteCounter.emit("error", err);
        });
      });
      installDestroyFn(byteCounter, function() {
        destroyed = true;
        refUnrefFilter.unpipe(byteCounter);
        refUnrefFilter.destroy();
      });
      return stream.pipe(refUnrefFilter).pipe(byteCounter);
    };
    RandomAccessReader.prototype._readStreamForRange = function(start, end) {
      throw new Error("not implemented");
    };
    RandomAccessReader.prototype.read = function(buffer, offset, length, position, callback) {
      var readStream = this.createReadStream({ start: position, end: position + length });
      var writeStream = new Writable();
      var written = 0;
      writeStream._write = function(chunk, encoding, cb) {
        chunk.copy(buffer, offset + written, 0, chunk.length);
        written += chunk.length;
        cb();
      };
      writeStream.on("finish", callback);
      readStream.on("error", function(error) {
        callback(error);
      });
      readStream.pipe(writeStream);
    };
    RandomAccessReader.prototype.close = function(callback) {
      setImmediate(callback);
    };
    util.inherits(RefUnrefFilter, PassThrough2);
    function RefUnrefFilter(context) {
      PassThrough2.call(this);
      this.context = context;
      this.context.ref();
      this.unreffedYet = false;
    }
    RefUnrefFilter.prototype._flush = function(cb) {
      this.unref();
      cb();
    };
    RefUnrefFilter.prototype.unref = function(cb) {
      if (this.unreffedYet) return;
      this.unreffedYet = true;
      this.context.unref();
    };
    var cp437 = "\0\u263A\u263B\u2665\u2666\u2663\u2660\u2022\u25D8\u25CB\u25D9\u2642\u2640\u266A\u266B\u263C\u25BA\u25C4\u2195\u203C\xB6\xA7\u25AC\u21A8\u2191\u2193\u2192\u2190\u221F\u2194\u25B2\u25BC !\"#$%&'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_`abcdefghijklmnopqrstuvwxyz{|}~\u2302\xC7\xFC\xE9\xE2\xE4\xE0\xE5\xE7\xEA\xEB\xE8\xEF\xEE\xEC\xC4\xC5\xC9\xE6\xC6\xF4\xF6\xF2\xFB\xF9\xFF\xD6\xDC\xA2\xA3\xA5\u20A7\u0192\xE1\xED\xF3\xFA\xF1\xD1\xAA\xBA\xBF\u2310\xAC\xBD\xBC\xA1\xAB\xBB\u2591\u2592\u2593\u2502\u2524\u2561\u2562\u2556\u2555\u2563\u2551\u2557\u255D\u255C\u255B\u2510\u2514\u2534\u252C\u251C\u2500\u253C\u255E\u255F\u255A\u2554\u2569\u2566\u2560\u2550\u256C\u2567\u2568\u2564\u2565\u2559\u2558\u2552\u2553\u256B\u256A\u2518\u250C\u2588\u2584\u258C\u2590\u2580\u03B1\xDF\u0393\u03C0\u03A3\u03C3\xB5\u03C4\u03A6\u0398\u03A9\u03B4\u221E\u03C6\u03B5\u2229\u2261\xB1\u2265\u2264\u2320\u2321\xF7\u2248\xB0\u2219\xB7\u221A\u207F\xB2\u25A0\xA0";
    function decodeBuffer(buffer, isUtf8) {
      if (isUtf8) {
        return buffer.toString("utf8");
      } else {
        var result = "";
        for (var i = 0; i < buffer.length; i++) {
          result += cp437[buffer[i]];
        }
        return result;
      }
    }
    function readUInt64LE(buffer, offset) {
      var lower32 = buffer.readUInt32LE(offset);
      var upper32 = buffer.readUInt32LE(offset + 4);
      return upper32 * 4294967296 + lower32;
    }
    var newBuffer;
    if (typeof Buffer.allocUnsafe === "function") {
      newBuffer = function(len) {
        return Buffer.allocUnsafe(len);
      };
    } else {
      newBuffer = function(len) {
        return new Buffer(len);
      };
    }
    function installDestroyFn(stream, fn) {
      if (typeof stream.destroy === "function") {
        stream._destroy = function(err, cb) {
          fn();
          if (cb != null) cb(err);
        };
      } else {
        stream.destroy = fn;
      }
    }
    function defaultCallback(err) {
      if (err) throw err;
    }
  }
});

// node_modules/@tufjs/models/dist/error.js
var require_error = __commonJS({
  "node_modules/@tufjs/models/dist/error.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.UnsupportedAlgorithmError = exports.CryptoError = exports.LengthOrHashMismatchError = exports.UnsignedMetadataError = exports.RepositoryError = exports.ValueError = void 0;
    var ValueError = class extends Error {
    };
    exports.ValueError = ValueError;
    var RepositoryError2 = class extends Error {
    };
    exports.RepositoryError = RepositoryError2;
    var UnsignedMetadataError2 = class extends RepositoryError2 {
    };
    exports.UnsignedMetadataError = UnsignedMetadataError2;
    var LengthOrHashMismatchError2 = class extends RepositoryError2 {
    };
    exports.LengthOrHashMismatchError = LengthOrHashMismatchError2;
    var CryptoError2 = class extends Error {
    };
    exports.CryptoError = CryptoError2;
    var UnsupportedAlgorithmError = class extends CryptoError2 {
    };
    exports.UnsupportedAlgorithmError = UnsupportedAlgorithmError;
  }
});

// node_modules/@tufjs/models/dist/utils/guard.js
var require_guard = __commonJS({
  "node_modules/@tufjs/models/dist/utils/guard.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.isDefined = isDefined;
    exports.isObject = isObject;
    exports.isStringArray = isStringArray;
    exports.isObjectArray = isObjectArray;
    exports.isStringRecord = isStringRecord;
    exports.isObjectRecord = isObjectRecord;
    function isDefined(val) {
      return val !== void 0;
    }
    function isObject(value) {
      return typeof value === "object" && value !== null;
    }
    function isStringArray(value) {
      return Array.isArray(value) && value.every((v) => typeof v === "string");
    }
    function isObjectArray(value) {
      return Array.isArray(value) && value.every(isObject);
    }
    function isStringRecord(value) {
      return typeof value === "object" && value !== null && Object.keys(value).every((k) => typeof k === "string") && Object.values(value).every((v) => typeof v === "string");
    }
    function isObjectRecord(value) {
      return typeof value === "object" && value !== null && Object.keys(value).every((k) => typeof k === "string") && Object.values(value).every((v) => typeof v === "object" && v !== null);
    }
  }
});

// node_modules/@tufjs/canonical-json/lib/index.js
var require_lib = __commonJS({
  "node_modules/@tufjs/canonical-json/lib/index.js"(exports, module) {
    var COMMA = ",";
    var COLON = ":";
    var LEFT_SQUARE_BRACKET = "[";
    var RIGHT_SQUARE_BRACKET = "]";
    var LEFT_CURLY_BRACKET = "{";
    var RIGHT_CURLY_BRACKET = "}";
    function canonicalize2(object) {
      const buffer = [];
      if (typeof object === "string") {
        buffer.push(canonicalizeString(object));
      } else if (typeof object === "boolean") {
        buffer.push(JSON.stringify(object));
      } else if (Number.isInteger(object)) {
        buffer.push(JSON.stringify(object));
      } else if (object === null) {
        buffer.push(JSON.stringify(object));
      } else if (Array.isArray(object)) {
        buffer.push(LEFT_SQUARE_BRACKET);
        let first = true;
        object.forEach((element) => {
          if (!first) {
            buffer.push(COMMA);
          }
          first = false;
          buffer.push(canonicalize2(element));
        });
        buffer.push(RIGHT_SQUARE_BRACKET);
      } else if (typeof object === "object") {
        buffer.push(LEFT_CURLY_BRACKET);
        let first = true;
        Object.keys(object).sort().forEach((property) => {
          if (!first) {
            buffer.push(COMMA);
          }
          first = false;
          buffer.push(canonicalizeString(property));
          buffer.push(COLON);
          buffer.push(canonicalize2(object[property]));
        });
        buffer.push(RIGHT_CURLY_BRACKET);
      } else {
        throw new TypeError("cannot encode " + object.toString());
      }
      return buffer.join("");
    }
    function canonicalizeString(string) {
      const escapedString = string.replace(/\\/g, "\\\\").replace(/"/g, '\\"');
      return '"' + escapedString + '"';
    }
    module.exports = {
      canonicalize: canonicalize2
    };
  }
});

// node_modules/@tufjs/models/dist/utils/verify.js
var require_verify = __commonJS({
  "node_modules/@tufjs/models/dist/utils/verify.js"(exports) {
    "use strict";
    var __importDefault = exports && exports.__importDefault || function(mod) {
      return mod && mod.__esModule ? mod : { "default": mod };
    };
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.verifySignature = void 0;
    var canonical_json_1 = require_lib();
    var crypto_1 = __importDefault(__require("crypto"));
    var verifySignature = (metaDataSignedData, key, signature) => {
      const canonicalData = Buffer.from((0, canonical_json_1.canonicalize)(metaDataSignedData));
      return crypto_1.default.verify(void 0, canonicalData, key, Buffer.from(signature, "hex"));
    };
    exports.verifySignature = verifySignature;
  }
});

// node_modules/@tufjs/models/dist/utils/index.js
var require_utils = __commonJS({
  "node_modules/@tufjs/models/dist/utils/index.js"(exports) {
    "use strict";
    var __createBinding = exports && exports.__createBinding || (Object.create ? (function(o, m, k, k2) {
      if (k2 === void 0) k2 = k;
      var desc = Object.getOwnPropertyDescriptor(m, k);
      if (!desc || ("get" in desc ? !m.__esModule : desc.writable || desc.configurable)) {
        desc = { enumerable: true, get: function() {
          return m[k];
        } };
      }
      Object.defineProperty(o, k2, desc);
    }) : (function(o, m, k, k2) {
      if (k2 === void 0) k2 = k;
      o[k2] = m[k];
    }));
    var __setModuleDefault = exports && exports.__setModuleDefault || (Object.create ? (function(o, v) {
      Object.defineProperty(o, "default", { enumerable: true, value: v });
    }) : function(o, v) {
      o["default"] = v;
    });
    var __importStar = exports && exports.__importStar || /* @__PURE__ */ (function() {
      var ownKeys = function(o) {
        ownKeys = Object.getOwnPropertyNames || function(o2) {
          var ar = [];
          for (var k in o2) if (Object.prototype.hasOwnProperty.call(o2, k)) ar[ar.length] = k;
          return ar;
        };
        return ownKeys(o);
      };
      return function(mod) {
        if (mod && mod.__esModule) return mod;
        var result = {};
        if (mod != null) {
          for (var k = ownKeys(mod), i = 0; i < k.length; i++) if (k[i] !== "default") __createBinding(result, mod, k[i]);
        }
        __setModuleDefault(result, mod);
        return result;
      };
    })();
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.crypto = exports.guard = void 0;
    exports.guard = __importStar(require_guard());
    exports.crypto = __importStar(require_verify());
  }
});

// node_modules/@tufjs/models/dist/base.js
var require_base = __commonJS({
  "node_modules/@tufjs/models/dist/base.js"(exports) {
    "use strict";
    var __importDefault = exports && exports.__importDefault || function(mod) {
      return mod && mod.__esModule ? mod : { "default": mod };
    };
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.Signed = exports.MetadataKind = void 0;
    exports.isMetadataKind = isMetadataKind;
    var util_1 = __importDefault(__require("util"));
    var error_1 = require_error();
    var utils_1 = require_utils();
    var SPECIFICATION_VERSION = ["1", "0", "31"];
    var MetadataKind;
    (function(MetadataKind2) {
      MetadataKind2["Root"] = "root";
      MetadataKind2["Timestamp"] = "timestamp";
      MetadataKind2["Snapshot"] = "snapshot";
      MetadataKind2["Targets"] = "targets";
    })(MetadataKind || (exports.MetadataKind = MetadataKind = {}));
    function isMetadataKind(value) {
      return typeof value === "string" && Object.values(MetadataKind).includes(value);
    }
    var Signed = class _Signed {
      specVersion;
      expires;
      version;
      unrecognizedFields;
      constructor(options2) {
        this.specVersion = options2.specVersion || SPECIFICATION_VERSION.join(".");
        const specList = this.specVersion.split(".");
        if (!(specList.length === 2 || specList.length === 3) || !specList.every((item) => isNumeric(item))) {
          throw new error_1.ValueError("Failed to parse specVersion");
        }
        if (specList[0] != SPECIFICATION_VERSION[0]) {
          throw new error_1.ValueError("Unsupported specVersion");
        }
        this.expires = options2.expires;
        this.version = options2.version;
        this.unrecognizedFields = options2.unrecognizedFields || {};
      }
      equals(other) {
        if (!(other instanceof _Signed)) {
          return false;
        }
        return this.specVersion === other.specVersion && this.expires === other.expires && this.version === other.version && util_1.default.isDeepStrictEqual(this.unrecognizedFields, other.unrecognizedFields);
      }
      isExpired(referenceTime) {
        if (!referenceTime) {
          referenceTime = /* @__PURE__ */ new Date();
        }
        return referenceTime >= new Date(this.expires);
      }
      static commonFieldsFromJSON(data) {
        const { spec_version, expires, version, ...rest } = data;
        if (!utils_1.guard.isDefined(spec_version)) {
          throw new error_1.ValueError("spec_version is not defined");
        } else if (typeof spec_version !== "string") {
          throw new TypeError("spec_version must be a string");
        }
        if (!utils_1.guard.isDefined(expires)) {
          throw new error_1.ValueError("expires is not defined");
        } else if (!(typeof expires === "string")) {
          throw new TypeError("expires must be a string");
        }
        if (!utils_1.guard.isDefined(version)) {
          throw new error_1.ValueError("version is not defined");
        } else if (!(typeof version === "number")) {
          throw new TypeError("version must be a number");
        }
        return {
          specVersion: spec_version,
          expires,
          version,
          unrecognizedFields: rest
        };
      }
    };
    exports.Signed = Signed;
    function isNumeric(str) {
      return !isNaN(Number(str));
    }
  }
});

// node_modules/@tufjs/models/dist/file.js
var require_file = __commonJS({
  "node_modules/@tufjs/models/dist/file.js"(exports) {
    "use strict";
    var __importDefault = exports && exports.__importDefault || function(mod) {
      return mod && mod.__esModule ? mod : { "default": mod };
    };
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.TargetFile = exports.MetaFile = void 0;
    var crypto_1 = __importDefault(__require("crypto"));
    var util_1 = __importDefault(__require("util"));
    var error_1 = require_error();
    var utils_1 = require_utils();
    var MetaFile2 = class _MetaFile {
      version;
      length;
      hashes;
      unrecognizedFields;
      constructor(opts) {
        if (opts.version <= 0) {
          throw new error_1.ValueError("Metafile version must be at least 1");
        }
        if (opts.length !== void 0) {
          validateLength(opts.length);
        }
        this.version = opts.version;
        this.length = opts.length;
        this.hashes = opts.hashes;
        this.unrecognizedFields = opts.unrecognizedFields || {};
      }
      equals(other) {
        if (!(other instanceof _MetaFile)) {
          return false;
        }
        return this.version === other.version && this.length === other.length && util_1.default.isDeepStrictEqual(this.hashes, other.hashes) && util_1.default.isDeepStrictEqual(this.unrecognizedFields, other.unrecognizedFields);
      }
      verify(data) {
        if (this.length !== void 0) {
          if (data.length !== this.length) {
            throw new error_1.LengthOrHashMismatchError(`Expected length ${this.length} but got ${data.length}`);
          }
        }
        if (this.hashes) {
          Object.entries(this.hashes).forEach(([key, value]) => {
            let hash;
            try {
              hash = crypto_1.default.createHash(key);
            } catch (e) {
              throw new error_1.LengthOrHashMismatchError(`Hash algorithm ${key} not supported`);
            }
            const observedHash = hash.update(data).digest("hex");
            if (observedHash !== value) {
              throw new error_1.LengthOrHashMismatchError(`Expected hash ${value} but got ${observedHash}`);
            }
          });
        }
      }
      toJSON() {
        const json = {
          version: this.version,
          ...this.unrecognizedFields
        };
        if (this.length !== void 0) {
          json.length = this.length;
        }
        if (this.hashes) {
          json.hashes = this.hashes;
        }
        return json;
      }
      static fromJSON(data) {
        const { version, length, hashes, ...rest } = data;
        if (typeof version !== "number") {
          throw new TypeError("version must be a number");
        }
        if (utils_1.guard.isDefined(length) && typeof length !== "number") {
          throw new TypeError("length must be a number");
        }
        if (utils_1.guard.isDefined(hashes) && !utils_1.guard.isStringRecord(hashes)) {
          throw new TypeError("hashes must be string keys and values");
        }
        return new _MetaFile({
          version,
          length,
          hashes,
          unrecognizedFields: rest
        });
      }
    };
    exports.MetaFile = MetaFile2;
    var TargetFile2 = class _TargetFile {
      length;
      path;
      hashes;
      unrecognizedFields;
      constructor(opts) {
        validateLength(opts.length);
        this.length = opts.length;
        this.path = opts.path;
        this.hashes = opts.hashes;
        this.unrecognizedFields = opts.unrecognizedFields || {};
      }
      get custom() {
        const custom = this.unrecognizedFields["custom"];
        if (!custom || Array.isArray(custom) || !(typeof custom === "object")) {
          return {};
        }
        return custom;
      }
      equals(other) {
        if (!(other instanceof _TargetFile)) {
          return false;
        }
        return this.length === other.length && this.path === other.path && util_1.default.isDeepStrictEqual(this.hashes, other.hashes) && util_1.default.isDeepStrictEqual(this.unrecognizedFields, other.unrecognizedFields);
      }
      async verify(stream) {
        let observedLength = 0;
        const digests = Object.keys(this.hashes).reduce((acc, key) => {
          try {
            acc[key] = crypto_1.default.createHash(key);
          } catch (e) {
            throw new error_1.LengthOrHashMismatchError(`Hash algorithm ${key} not supported`);
          }
          return acc;
        }, {});
        for await (const chunk of stream) {
          observedLength += chunk.length;
          Object.values(digests).forEach((digest) => {
            digest.update(chunk);
          });
        }
        if (observedLength !== this.length) {
          throw new error_1.LengthOrHashMismatchError(`Expected length ${this.length} but got ${observedLength}`);
        }
        Object.entries(digests).forEach(([key, value]) => {
          const expected = this.hashes[key];
          const actual = value.digest("hex");
          if (actual !== expected) {
            throw new error_1.LengthOrHashMismatchError(`Expected hash ${expected} but got ${actual}`);
          }
        });
      }
      toJSON() {
        return {
          length: this.length,
          hashes: this.hashes,
          ...this.unrecognizedFields
        };
      }
      static fromJSON(path39, data) {
        const { length, hashes, ...rest } = data;
        if (typeof length !== "number") {
          throw new TypeError("length must be a number");
        }
        if (!utils_1.guard.isStringRecord(hashes)) {
          throw new TypeError("hashes must have string keys and values");
        }
        return new _TargetFile({
          length,
          path: path39,
          hashes,
          unrecognizedFields: rest
        });
      }
    };
    exports.TargetFile = TargetFile2;
    function validateLength(length) {
      if (length < 0) {
        throw new error_1.ValueError("Length must be at least 0");
      }
    }
  }
});

// node_modules/@tufjs/models/dist/utils/oid.js
var require_oid = __commonJS({
  "node_modules/@tufjs/models/dist/utils/oid.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.encodeOIDString = encodeOIDString;
    var ANS1_TAG_OID = 6;
    function encodeOIDString(oid) {
      const parts = oid.split(".");
      const first = parseInt(parts[0], 10) * 40 + parseInt(parts[1], 10);
      const rest = [];
      parts.slice(2).forEach((part) => {
        const bytes = encodeVariableLengthInteger(parseInt(part, 10));
        rest.push(...bytes);
      });
      const der = Buffer.from([first, ...rest]);
      return Buffer.from([ANS1_TAG_OID, der.length, ...der]);
    }
    function encodeVariableLengthInteger(value) {
      const bytes = [];
      let mask = 0;
      while (value > 0) {
        bytes.unshift(value & 127 | mask);
        value >>= 7;
        mask = 128;
      }
      return bytes;
    }
  }
});

// node_modules/@tufjs/models/dist/utils/key.js
var require_key = __commonJS({
  "node_modules/@tufjs/models/dist/utils/key.js"(exports) {
    "use strict";
    var __importDefault = exports && exports.__importDefault || function(mod) {
      return mod && mod.__esModule ? mod : { "default": mod };
    };
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.getPublicKey = getPublicKey;
    var crypto_1 = __importDefault(__require("crypto"));
    var error_1 = require_error();
    var oid_1 = require_oid();
    var ASN1_TAG_SEQUENCE = 48;
    var ANS1_TAG_BIT_STRING = 3;
    var NULL_BYTE = 0;
    var OID_EDDSA = "1.3.101.112";
    var OID_EC_PUBLIC_KEY = "1.2.840.10045.2.1";
    var OID_EC_CURVE_P256V1 = "1.2.840.10045.3.1.7";
    var PEM_HEADER = "-----BEGIN PUBLIC KEY-----";
    function getPublicKey(keyInfo) {
      switch (keyInfo.keyType) {
        case "rsa":
          return getRSAPublicKey(keyInfo);
        case "ed25519":
          return getED25519PublicKey(keyInfo);
        case "ecdsa":
        case "ecdsa-sha2-nistp256":
        case "ecdsa-sha2-nistp384":
          return getECDCSAPublicKey(keyInfo);
        default:
          throw new error_1.UnsupportedAlgorithmError(`Unsupported key type: ${keyInfo.keyType}`);
      }
    }
    function getRSAPublicKey(keyInfo) {
      if (!keyInfo.keyVal.startsWith(PEM_HEADER)) {
        throw new error_1.CryptoError("Invalid key format");
      }
      const key = crypto_1.default.createPublicKey(keyInfo.keyVal);
      switch (keyInfo.scheme) {
        case "rsassa-pss-sha256":
          return {
            key,
            padding: crypto_1.default.constants.RSA_PKCS1_PSS_PADDING
          };
        default:
          throw new error_1.UnsupportedAlgorithmError(`Unsupported RSA scheme: ${keyInfo.scheme}`);
      }
    }
    function getED25519PublicKey(keyInfo) {
      let key;
      if (keyInfo.keyVal.startsWith(PEM_HEADER)) {
        key = crypto_1.default.createPublicKey(keyInfo.keyVal);
      } else {
        if (!isHex(keyInfo.keyVal)) {
          throw new error_1.CryptoError("Invalid key format");
        }
        key = crypto_1.default.createPublicKey({
          key: ed25519.hexToDER(keyInfo.keyVal),
          format: "der",
          type: "spki"
        });
      }
      return { key };
    }
    function getECDCSAPublicKey(keyInfo) {
      let key;
      if (keyInfo.keyVal.startsWith(PEM_HEADER)) {
        key = crypto_1.default.createPublicKey(keyInfo.keyVal);
      } else {
        if (!isHex(keyInfo.keyVal)) {
          throw new error_1.CryptoError("Invalid key format");
        }
        key = crypto_1.default.createPublicKey({
          key: ecdsa.hexToDER(keyInfo.keyVal),
          format: "der",
          type: "spki"
        });
      }
      return { key };
    }
    var ed25519 = {
      // Translates a hex key into a crypto KeyObject
      // https://keygen.sh/blog/how-to-use-hexadecimal-ed25519-keys-in-node/
      hexToDER: (hex) => {
        const key = Buffer.from(hex, "hex");
        const oid = (0, oid_1.encodeOIDString)(OID_EDDSA);
        const elements = Buffer.concat([
          Buffer.concat([
            Buffer.from([ASN1_TAG_SEQUENCE]),
            Buffer.from([oid.length]),
            oid
          ]),
          Buffer.concat([
            Buffer.from([ANS1_TAG_BIT_STRING]),
            Buffer.from([key.length + 1]),
            Buffer.from([NULL_BYTE]),
            key
          ])
        ]);
        const der = Buffer.concat([
          Buffer.from([ASN1_TAG_SEQUENCE]),
          Buffer.from([elements.length]),
          elements
        ]);
        return der;
      }
    };
    var ecdsa = {
      hexToDER: (hex) => {
        const key = Buffer.from(hex, "hex");
        const bitString = Buffer.concat([
          Buffer.from([ANS1_TAG_BIT_STRING]),
          Buffer.from([key.length + 1]),
          Buffer.from([NULL_BYTE]),
          key
        ]);
        const oids = Buffer.concat([
          (0, oid_1.encodeOIDString)(OID_EC_PUBLIC_KEY),
          (0, oid_1.encodeOIDString)(OID_EC_CURVE_P256V1)
        ]);
        const oidSequence = Buffer.concat([
          Buffer.from([ASN1_TAG_SEQUENCE]),
          Buffer.from([oids.length]),
          oids
        ]);
        const der = Buffer.concat([
          Buffer.from([ASN1_TAG_SEQUENCE]),
          Buffer.from([oidSequence.length + bitString.length]),
          oidSequence,
          bitString
        ]);
        return der;
      }
    };
    var isHex = (key) => /^[0-9a-fA-F]+$/.test(key);
  }
});

// node_modules/@tufjs/models/dist/key.js
var require_key2 = __commonJS({
  "node_modules/@tufjs/models/dist/key.js"(exports) {
    "use strict";
    var __importDefault = exports && exports.__importDefault || function(mod) {
      return mod && mod.__esModule ? mod : { "default": mod };
    };
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.Key = void 0;
    var util_1 = __importDefault(__require("util"));
    var error_1 = require_error();
    var utils_1 = require_utils();
    var key_1 = require_key();
    var Key2 = class _Key {
      keyID;
      keyType;
      scheme;
      keyVal;
      unrecognizedFields;
      constructor(options2) {
        const { keyID, keyType, scheme, keyVal, unrecognizedFields } = options2;
        this.keyID = keyID;
        this.keyType = keyType;
        this.scheme = scheme;
        this.keyVal = keyVal;
        this.unrecognizedFields = unrecognizedFields || {};
      }
      // Verifies the that the metadata.signatures contains a signature made with
      // this key and is correctly signed.
      verifySignature(metadata) {
        const signature = metadata.signatures[this.keyID];
        if (!signature)
          throw new error_1.UnsignedMetadataError("no signature for key found in metadata");
        if (!this.keyVal.public)
          throw new error_1.UnsignedMetadataError("no public key found");
        const publicKey = (0, key_1.getPublicKey)({
          keyType: this.keyType,
          scheme: this.scheme,
          keyVal: this.keyVal.public
        });
        const signedData = metadata.signed.toJSON();
        try {
          if (!utils_1.crypto.verifySignature(signedData, publicKey, signature.sig)) {
            throw new error_1.UnsignedMetadataError(`failed to verify ${this.keyID} signature`);
          }
        } catch (error) {
          if (error instanceof error_1.UnsignedMetadataError) {
            throw error;
          }
          throw new error_1.UnsignedMetadataError(`failed to verify ${this.keyID} signature`);
        }
      }
      equals(other) {
        if (!(other instanceof _Key)) {
          return false;
        }
        return this.keyID === other.keyID && this.keyType === other.keyType && this.scheme === other.scheme && util_1.default.isDeepStrictEqual(this.keyVal, other.keyVal) && util_1.default.isDeepStrictEqual(this.unrecognizedFields, other.unrecognizedFields);
      }
      toJSON() {
        return {
          keytype: this.keyType,
          scheme: this.scheme,
          keyval: this.keyVal,
          ...this.unrecognizedFields
        };
      }
      static fromJSON(keyID, data) {
        const { keytype, scheme, keyval, ...rest } = data;
        if (typeof keytype !== "string") {
          throw new TypeError("keytype must be a string");
        }
        if (typeof scheme !== "string") {
          throw new TypeError("scheme must be a string");
        }
        if (!utils_1.guard.isStringRecord(keyval)) {
          throw new TypeError("keyval must be a string record");
        }
        return new _Key({
          keyID,
          keyType: keytype,
          scheme,
          keyVal: keyval,
          unrecognizedFields: rest
        });
      }
    };
    exports.Key = Key2;
  }
});

// node_modules/balanced-match/dist/commonjs/index.js
var require_commonjs = __commonJS({
  "node_modules/balanced-match/dist/commonjs/index.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.range = exports.balanced = void 0;
    var balanced = (a, b, str) => {
      const ma = a instanceof RegExp ? maybeMatch(a, str) : a;
      const mb = b instanceof RegExp ? maybeMatch(b, str) : b;
      const r = ma !== null && mb != null && (0, exports.range)(ma, mb, str);
      return r && {
        start: r[0],
        end: r[1],
        pre: str.slice(0, r[0]),
        body: str.slice(r[0] + ma.length, r[1]),
        post: str.slice(r[1] + mb.length)
      };
    };
    exports.balanced = balanced;
    var maybeMatch = (reg, str) => {
      const m = str.match(reg);
      return m ? m[0] : null;
    };
    var range = (a, b, str) => {
      let begs, beg, left, right = void 0, result;
      let ai = str.indexOf(a);
      let bi = str.indexOf(b, ai + 1);
      let i = ai;
      if (ai >= 0 && bi > 0) {
        if (a === b) {
          return [ai, bi];
        }
        begs = [];
        left = str.length;
        while (i >= 0 && !result) {
          if (i === ai) {
            begs.push(i);
            ai = str.indexOf(a, i + 1);
          } else if (begs.length === 1) {
            const r = begs.pop();
            if (r !== void 0)
              result = [r, bi];
          } else {
            beg = begs.pop();
            if (beg !== void 0 && beg < left) {
              left = beg;
              right = bi;
            }
            bi = str.indexOf(b, i + 1);
          }
          i = ai < bi && ai >= 0 ? ai : bi;
        }
        if (begs.length && right !== void 0) {
          result = [left, right];
        }
      }
      return result;
    };
    exports.range = range;
  }
});

// node_modules/brace-expansion/dist/commonjs/index.js
var require_commonjs2 = __commonJS({
  "node_modules/brace-expansion/dist/commonjs/index.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.EXPANSION_MAX_STEPS = exports.EXPANSION_MAX_REWRITES = exports.EXPANSION_MAX_DEPTH = exports.EXPANSION_MAX_LENGTH = exports.EXPANSION_MAX = void 0;
    exports.expand = expand;
    var balanced_match_1 = require_commonjs();
    var escSlash = "\0SLASH" + Math.random().toFixed(16) + "\0";
    var escOpen = "\0OPEN" + Math.random().toFixed(16) + "\0";
    var escClose = "\0CLOSE" + Math.random().toFixed(16) + "\0";
    var escComma = "\0COMMA" + Math.random().toFixed(16) + "\0";
    var escPeriod = "\0PERIOD" + Math.random().toFixed(16) + "\0";
    var escSlashPattern = new RegExp(escSlash, "g");
    var escOpenPattern = new RegExp(escOpen, "g");
    var escClosePattern = new RegExp(escClose, "g");
    var escCommaPattern = new RegExp(escComma, "g");
    var escPeriodPattern = new RegExp(escPeriod, "g");
    var slashPattern = /\\\\/g;
    var openPattern = /\\{/g;
    var closePattern = /\\}/g;
    var commaPattern = /\\,/g;
    var periodPattern = /\\\./g;
    exports.EXPANSION_MAX = 1e5;
    exports.EXPANSION_MAX_LENGTH = 4e6;
    exports.EXPANSION_MAX_DEPTH = 1e3;
    exports.EXPANSION_MAX_REWRITES = 1e3;
    exports.EXPANSION_MAX_STEPS = 2e7;
    var CALL_STEPS = 16;
    function numeric(str) {
      return !isNaN(str) ? parseInt(str, 10) : str.charCodeAt(0);
    }
    function escapeBraces(str) {
      return str.replace(slashPattern, escSlash).replace(openPattern, escOpen).replace(closePattern, escClose).replace(commaPattern, escComma).replace(periodPattern, escPeriod);
    }
    function unescapeBraces(str) {
      return str.replace(escSlashPattern, "\\").replace(escOpenPattern, "{").replace(escClosePattern, "}").replace(escCommaPattern, ",").replace(escPeriodPattern, ".");
    }
    function pushAll(target, items) {
      for (let i = 0; i < items.length; i++) {
        target.push(items[i]);
      }
    }
    function balancedWithBudget(str, masked, budget) {
      if (budget.remaining < 0) {
        return void 0;
      }
      const r = (0, balanced_match_1.range)("{", "}", masked);
      const unmatched = r !== void 0 && masked.indexOf("{") < r[0];
      budget.remaining -= r && !unmatched ? r[1] + 1 : str.length;
      if (!r || budget.remaining < 0) {
        return void 0;
      }
      return {
        end: r[1],
        pre: str.slice(0, r[0]),
        body: str.slice(r[0] + 1, r[1]),
        post: str.slice(r[1] + 1),
        unmatched
      };
    }
    function maskUnmatchedOpens(masked, budget) {
      budget.remaining -= masked.length;
      const open = [];
      for (let i = 0; i < masked.length; i++) {
        const c = masked.charCodeAt(i);
        if (c === 123) {
          open.push(i);
        } else if (c === 125 && open.length) {
          open.pop();
        }
      }
      let out = "";
      let last = 0;
      for (let i = 0; i < open.length; i++) {
        const at = open[i];
        out += masked.slice(last, at) + "\0";
        last = at + 1;
      }
      return out + masked.slice(last);
    }
    function commaSetFollows(str, budget) {
      budget.remaining -= str.length;
      if (budget.remaining < 0) {
        return false;
      }
      let close = false;
      for (let i = str.length - 1; i >= 0; i--) {
        const c = str.charCodeAt(i);
        if (c === 125) {
          close = true;
        } else if (c === 10 || c === 13 || c === 8232 || c === 8233) {
          close = false;
        } else if (c === 44 && close && str.charCodeAt(i + 1) !== 44) {
          return true;
        }
      }
      return false;
    }
    function parseCommaParts(str, budget) {
      const parts = [];
      let carry = "";
      for (; ; ) {
        const m = balancedWithBudget(str, str, budget);
        if (budget.remaining < 0) {
          return void 0;
        }
        if (!m) {
          const tail = str.split(",");
          tail[0] = carry + tail[0];
          pushAll(parts, tail);
          return parts;
        }
        const { pre, body, post } = m;
        const p = pre.split(",");
        p[0] = carry + p[0];
        p[p.length - 1] += "{" + body + "}";
        if (!post.length) {
          pushAll(parts, p);
          return parts;
        }
        carry = p.pop();
        pushAll(parts, p);
        str = post;
      }
    }
    function bound(value, fallback) {
      return value === void 0 || isNaN(value) ? fallback : value;
    }
    function expand(str, options2 = {}) {
      if (!str) {
        return [];
      }
      const max = bound(options2.max, exports.EXPANSION_MAX);
      const maxLength = bound(options2.maxLength, exports.EXPANSION_MAX_LENGTH);
      const maxDepth = bound(options2.maxDepth, exports.EXPANSION_MAX_DEPTH);
      const maxRewrites = bound(options2.maxRewrites, exports.EXPANSION_MAX_REWRITES);
      const maxSteps = bound(options2.maxSteps, exports.EXPANSION_MAX_STEPS);
      if (str.slice(0, 2) === "{}") {
        str = "\\{\\}" + str.slice(2);
      }
      return expand_(escapeBraces(str), max, maxLength, maxDepth, 0, maxRewrites, { remaining: maxSteps }, true).map(unescapeBraces);
    }
    function embrace(str) {
      return "{" + str + "}";
    }
    function isPadded(el) {
      return /^-?0\d/.test(el);
    }
    function lte(i, y) {
      return i <= y;
    }
    function gte(i, y) {
      return i >= y;
    }
    function combine(acc, pre, values, max, maxLength, dropEmpties, budget) {
      const out = [];
      let length = 0;
      let nonEmpty;
      outer: for (let a = 0; a < acc.length; a++) {
        const prefix = acc[a] + pre;
        let vs = values;
        if (dropEmpties && !prefix) {
          if (!nonEmpty)
            nonEmpty = values.filter((v) => v);
          vs = nonEmpty;
        }
        for (let v = 0; v < vs.length; v++) {
          if (out.length >= max)
            break outer;
          const expansion = prefix + vs[v];
          if (length + expansion.length > maxLength)
            break outer;
          out.push(expansion);
          length += expansion.length;
        }
      }
      budget.remaining -= out.length;
      return out;
    }
    function expandSequence(body, isAlphaSequence, max, maxLength, budget) {
      const n = body.split(/\.\./);
      const N = [];
      if (n[0] === void 0 || n[1] === void 0) {
        return N;
      }
      const x = numeric(n[0]);
      const y = numeric(n[1]);
      const width = Math.max(n[0].length, n[1].length);
      let incr = n.length === 3 && n[2] !== void 0 ? Math.max(Math.abs(numeric(n[2])), 1) : 1;
      let test = lte;
      const reverse = y < x;
      if (reverse) {
        incr *= -1;
        test = gte;
      }
      const pad = n.some(isPadded);
      const cost = pad ? width : 1;
      let length = 0;
      for (let i = x; test(i, y) && N.length < max; i += incr) {
        budget.remaining -= cost;
        if (budget.remaining < 0) {
          return void 0;
        }
        let c;
        if (isAlphaSequence) {
          c = String.fromCharCode(i);
          if (c === "\\") {
            c = "";
          }
        } else {
          c = String(i);
          if (pad) {
            const need = width - c.length;
            if (need > 0) {
              const z = new Array(need + 1).join("0");
              if (i < 0) {
                c = "-" + z + c.slice(1);
              } else {
                c = z + c;
              }
            }
          }
        }
        if (length + c.length > maxLength)
          break;
        N.push(c);
        length += c.length;
      }
      return N;
    }
    function expand_(str, max, maxLength, maxDepth, depth, maxRewrites, budget, isTop) {
      budget.remaining -= CALL_STEPS;
      if (depth > maxDepth) {
        return [str];
      }
      let acc = [""];
      let rewrites = 0;
      let dropEmpties = false;
      let firstGroup = true;
      let masked = str;
      for (; ; ) {
        const m = balancedWithBudget(str, masked, budget);
        if (!m) {
          return combine(acc, str, [""], max, maxLength, dropEmpties, budget);
        }
        if (m.unmatched) {
          masked = maskUnmatchedOpens(masked, budget);
        }
        const pre = m.pre;
        const literal = () => combine(acc, pre + "{" + m.body + "}" + m.post, [""], max, maxLength, dropEmpties, budget);
        if (/\$$/.test(pre)) {
          acc = combine(acc, pre + "{" + m.body + "}", [""], max, maxLength, dropEmpties && !m.post.length, budget);
          firstGroup = false;
          if (!m.post.length)
            break;
          str = m.post;
          masked = masked.slice(m.end + 1);
          continue;
        }
        const isNumericSequence = /^-?\d+\.\.-?\d+(?:\.\.-?\d+)?$/.test(m.body);
        const isAlphaSequence = /^[a-zA-Z]\.\.[a-zA-Z](?:\.\.-?\d+)?$/.test(m.body);
        const isSequence = isNumericSequence || isAlphaSequence;
        const isOptions = m.body.indexOf(",") >= 0;
        if (!isSequence && !isOptions) {
          if (rewrites < maxRewrites && commaSetFollows(m.post, budget)) {
            rewrites++;
            str = m.pre + "{" + m.body + escClose + m.post;
            masked = masked.slice(0, m.end) + escClose + masked.slice(m.end + 1);
            isTop = true;
            continue;
          }
          return literal();
        }
        if (firstGroup) {
          dropEmpties = isTop && !isSequence;
          firstGroup = false;
        }
        let values;
        if (isSequence) {
          values = expandSequence(m.body, isAlphaSequence, max, maxLength, budget);
          if (!values) {
            return literal();
          }
        } else {
          let n = parseCommaParts(m.body, budget);
          if (!n) {
            return literal();
          }
          if (n.length === 1 && n[0] !== void 0) {
            n = expand_(n[0], max, maxLength, maxDepth, depth + 1, maxRewrites, budget, false).map(embrace);
            if (budget.remaining < 0) {
              return literal();
            }
            if (n.length === 1) {
              const next2 = combine(acc, pre + n[0], [""], max, maxLength, dropEmpties && !m.post.length, budget);
              if (budget.remaining < 0) {
                return literal();
              }
              acc = next2;
              if (!m.post.length)
                break;
              str = m.post;
              masked = masked.slice(m.end + 1);
              continue;
            }
          }
          let dropsEmpties = dropEmpties && !m.post.length && !pre;
          for (let d = 0; dropsEmpties && d < acc.length; d++) {
            if (acc[d]) {
              dropsEmpties = false;
            }
          }
          values = [];
          let valuesLength = 0;
          outer: for (let j = 0; j < n.length; j++) {
            const expanded = expand_(n[j], max, maxLength, maxDepth, depth + 1, maxRewrites, budget, false);
            if (budget.remaining < 0) {
              return literal();
            }
            for (let k = 0; k < expanded.length; k++) {
              const v = expanded[k];
              if (dropsEmpties && !v)
                continue;
              if (values.length >= max || valuesLength + v.length > maxLength) {
                break outer;
              }
              values.push(v);
              valuesLength += v.length;
            }
          }
        }
        const next = combine(acc, pre, values, max, maxLength, dropEmpties && !m.post.length, budget);
        if (budget.remaining < 0) {
          return literal();
        }
        acc = next;
        if (!m.post.length)
          break;
        str = m.post;
        masked = masked.slice(m.end + 1);
      }
      return acc;
    }
  }
});

// node_modules/minimatch/dist/commonjs/assert-valid-pattern.js
var require_assert_valid_pattern = __commonJS({
  "node_modules/minimatch/dist/commonjs/assert-valid-pattern.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.assertValidPattern = void 0;
    var MAX_PATTERN_LENGTH = 1024 * 64;
    var assertValidPattern = (pattern) => {
      if (typeof pattern !== "string") {
        throw new TypeError("invalid pattern");
      }
      if (pattern.length > MAX_PATTERN_LENGTH) {
        throw new TypeError("pattern is too long");
      }
    };
    exports.assertValidPattern = assertValidPattern;
  }
});

// node_modules/minimatch/dist/commonjs/brace-expressions.js
var require_brace_expressions = __commonJS({
  "node_modules/minimatch/dist/commonjs/brace-expressions.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.parseClass = void 0;
    var posixClasses = {
      "[:alnum:]": ["\\p{L}\\p{Nl}\\p{Nd}", true],
      "[:alpha:]": ["\\p{L}\\p{Nl}", true],
      "[:ascii:]": ["\\x00-\\x7f", false],
      "[:blank:]": ["\\p{Zs}\\t", true],
      "[:cntrl:]": ["\\p{Cc}", true],
      "[:digit:]": ["\\p{Nd}", true],
      "[:graph:]": ["\\p{Z}\\p{C}", true, true],
      "[:lower:]": ["\\p{Ll}", true],
      "[:print:]": ["\\p{C}", true],
      "[:punct:]": ["\\p{P}", true],
      "[:space:]": ["\\p{Z}\\t\\r\\n\\v\\f", true],
      "[:upper:]": ["\\p{Lu}", true],
      "[:word:]": ["\\p{L}\\p{Nl}\\p{Nd}\\p{Pc}", true],
      "[:xdigit:]": ["A-Fa-f0-9", false]
    };
    var braceEscape = (s) => s.replace(/[[\]\\-]/g, "\\$&");
    var regexpEscape = (s) => s.replace(/[-[\]{}()*+?.,\\^$|#\s]/g, "\\$&");
    var rangesToString = (ranges) => ranges.join("");
    var parseClass = (glob, position) => {
      const pos = position;
      if (glob.charAt(pos) !== "[") {
        throw new Error("not in a brace expression");
      }
      const ranges = [];
      const negs = [];
      let i = pos + 1;
      let sawStart = false;
      let uflag = false;
      let escaping = false;
      let negate = false;
      let endPos = pos;
      let rangeStart = "";
      WHILE: while (i < glob.length) {
        const c = glob.charAt(i);
        if ((c === "!" || c === "^") && i === pos + 1) {
          negate = true;
          i++;
          continue;
        }
        if (c === "]" && sawStart && !escaping) {
          endPos = i + 1;
          break;
        }
        sawStart = true;
        if (c === "\\") {
          if (!escaping) {
            escaping = true;
            i++;
            continue;
          }
        }
        if (c === "[" && !escaping) {
          for (const [cls, [unip, u, neg]] of Object.entries(posixClasses)) {
            if (glob.startsWith(cls, i)) {
              if (rangeStart) {
                return ["$.", false, glob.length - pos, true];
              }
              i += cls.length;
              if (neg)
                negs.push(unip);
              else
                ranges.push(unip);
              uflag = uflag || u;
              continue WHILE;
            }
          }
        }
        escaping = false;
        if (rangeStart) {
          if (c > rangeStart) {
            ranges.push(braceEscape(rangeStart) + "-" + braceEscape(c));
          } else if (c === rangeStart) {
            ranges.push(braceEscape(c));
          }
          rangeStart = "";
          i++;
          continue;
        }
        if (glob.startsWith("-]", i + 1)) {
          ranges.push(braceEscape(c + "-"));
          i += 2;
          continue;
        }
        if (glob.startsWith("-", i + 1)) {
          rangeStart = c;
          i += 2;
          continue;
        }
        ranges.push(braceEscape(c));
        i++;
      }
      if (endPos < i) {
        return ["", false, 0, false];
      }
      if (!ranges.length && !negs.length) {
        return ["$.", false, glob.length - pos, true];
      }
      if (negs.length === 0 && ranges.length === 1 && /^\\?.$/.test(ranges[0]) && !negate) {
        const r = ranges[0].length === 2 ? ranges[0].slice(-1) : ranges[0];
        return [regexpEscape(r), false, endPos - pos, false];
      }
      const sranges = "[" + (negate ? "^" : "") + rangesToString(ranges) + "]";
      const snegs = "[" + (negate ? "" : "^") + rangesToString(negs) + "]";
      const comb = ranges.length && negs.length ? "(" + sranges + "|" + snegs + ")" : ranges.length ? sranges : snegs;
      return [comb, uflag, endPos - pos, true];
    };
    exports.parseClass = parseClass;
  }
});

// node_modules/minimatch/dist/commonjs/unescape.js
var require_unescape = __commonJS({
  "node_modules/minimatch/dist/commonjs/unescape.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.unescape = void 0;
    var unescape = (s, { windowsPathsNoEscape = false, magicalBraces = true } = {}) => {
      if (magicalBraces) {
        return windowsPathsNoEscape ? s.replace(/\[([^/\\])\]/g, "$1") : s.replace(/((?!\\).|^)\[([^/\\])\]/g, "$1$2").replace(/\\([^/])/g, "$1");
      }
      return windowsPathsNoEscape ? s.replace(/\[([^/\\{}])\]/g, "$1") : s.replace(/((?!\\).|^)\[([^/\\{}])\]/g, "$1$2").replace(/\\([^/{}])/g, "$1");
    };
    exports.unescape = unescape;
  }
});

// node_modules/minimatch/dist/commonjs/ast.js
var require_ast = __commonJS({
  "node_modules/minimatch/dist/commonjs/ast.js"(exports) {
    "use strict";
    var _a;
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.AST = void 0;
    var brace_expressions_js_1 = require_brace_expressions();
    var unescape_js_1 = require_unescape();
    var types = /* @__PURE__ */ new Set(["!", "?", "+", "*", "@"]);
    var isExtglobType = (c) => types.has(c);
    var isExtglobAST = (c) => isExtglobType(c.type);
    var adoptionMap = /* @__PURE__ */ new Map([
      ["!", ["@"]],
      ["?", ["?", "@"]],
      ["@", ["@"]],
      ["*", ["*", "+", "?", "@"]],
      ["+", ["+", "@"]]
    ]);
    var adoptionWithSpaceMap = /* @__PURE__ */ new Map([
      ["!", ["?"]],
      ["@", ["?"]],
      ["+", ["?", "*"]]
    ]);
    var adoptionAnyMap = /* @__PURE__ */ new Map([
      ["!", ["?", "@"]],
      ["?", ["?", "@"]],
      ["@", ["?", "@"]],
      ["*", ["*", "+", "?", "@"]],
      ["+", ["+", "@", "?", "*"]]
    ]);
    var usurpMap = /* @__PURE__ */ new Map([
      ["!", /* @__PURE__ */ new Map([["!", "@"]])],
      [
        "?",
        /* @__PURE__ */ new Map([
          ["*", "*"],
          ["+", "*"]
        ])
      ],
      [
        "@",
        /* @__PURE__ */ new Map([
          ["!", "!"],
          ["?", "?"],
          ["@", "@"],
          ["*", "*"],
          ["+", "+"]
        ])
      ],
      [
        "+",
        /* @__PURE__ */ new Map([
          ["?", "*"],
          ["*", "*"]
        ])
      ]
    ]);
    var startNoTraversal = "(?!(?:^|/)\\.\\.?(?:$|/))";
    var startNoDot = "(?!\\.)";
    var addPatternStart = /* @__PURE__ */ new Set(["[", "."]);
    var justDots = /* @__PURE__ */ new Set(["..", "."]);
    var reSpecials = new Set("().*{}+?[]^$\\!");
    var regExpEscape = (s) => s.replace(/[-[\]{}()*+?.,\\^$|#\s]/g, "\\$&");
    var qmark = "[^/]";
    var star = qmark + "*?";
    var starNoEmpty = qmark + "+?";
    var ID2 = 0;
    var AST = class {
      type;
      #root;
      #hasMagic;
      #uflag = false;
      #parts = [];
      #parent;
      #parentIndex;
      #negs;
      #filledNegs = false;
      #options;
      #toString;
      // set to true if it's an extglob with no children
      // (which really means one child of '')
      #emptyExt = false;
      id = ++ID2;
      get depth() {
        return (this.#parent?.depth ?? -1) + 1;
      }
      [/* @__PURE__ */ Symbol.for("nodejs.util.inspect.custom")]() {
        return {
          "@@type": "AST",
          id: this.id,
          type: this.type,
          root: this.#root.id,
          parent: this.#parent?.id,
          depth: this.depth,
          partsLength: this.#parts.length,
          parts: this.#parts
        };
      }
      constructor(type, parent, options2 = {}) {
        this.type = type;
        if (type)
          this.#hasMagic = true;
        this.#parent = parent;
        this.#root = this.#parent ? this.#parent.#root : this;
        this.#options = this.#root === this ? options2 : this.#root.#options;
        this.#negs = this.#root === this ? [] : this.#root.#negs;
        if (type === "!" && !this.#root.#filledNegs)
          this.#negs.push(this);
        this.#parentIndex = this.#parent ? this.#parent.#parts.length : 0;
      }
      get hasMagic() {
        if (this.#hasMagic !== void 0)
          return this.#hasMagic;
        for (const p of this.#parts) {
          if (typeof p === "string")
            continue;
          if (p.type || p.hasMagic)
            return this.#hasMagic = true;
        }
        return this.#hasMagic;
      }
      // reconstructs the pattern
      toString() {
        return this.#toString !== void 0 ? this.#toString : !this.type ? this.#toString = this.#parts.map((p) => String(p)).join("") : this.#toString = this.type + "(" + this.#parts.map((p) => String(p)).join("|") + ")";
      }
      #fillNegs() {
        if (this !== this.#root)
          throw new Error("should only call on root");
        if (this.#filledNegs)
          return this;
        this.toString();
        this.#filledNegs = true;
        let n;
        while (n = this.#negs.pop()) {
          if (n.type !== "!")
            continue;
          let p = n;
          let pp = p.#parent;
          while (pp) {
            for (let i = p.#parentIndex + 1; !pp.type && i < pp.#parts.length; i++) {
              for (const part of n.#parts) {
                if (typeof part === "string") {
                  throw new Error("string part in extglob AST??");
                }
                part.copyIn(pp.#parts[i]);
              }
            }
            p = pp;
            pp = p.#parent;
          }
        }
        return this;
      }
      push(...parts) {
        for (const p of parts) {
          if (p === "")
            continue;
          if (typeof p !== "string" && !(p instanceof _a && p.#parent === this)) {
            throw new Error("invalid part: " + p);
          }
          this.#parts.push(p);
        }
      }
      toJSON() {
        const ret = this.type === null ? this.#parts.slice().map((p) => typeof p === "string" ? p : p.toJSON()) : [this.type, ...this.#parts.map((p) => p.toJSON())];
        if (this.isStart() && !this.type)
          ret.unshift([]);
        if (this.isEnd() && (this === this.#root || this.#root.#filledNegs && this.#parent?.type === "!")) {
          ret.push({});
        }
        return ret;
      }
      isStart() {
        if (this.#root === this)
          return true;
        if (!this.#parent?.isStart())
          return false;
        if (this.#parentIndex === 0)
          return true;
        const p = this.#parent;
        for (let i = 0; i < this.#parentIndex; i++) {
          const pp = p.#parts[i];
          if (!(pp instanceof _a && pp.type === "!")) {
            return false;
          }
        }
        return true;
      }
      isEnd() {
        if (this.#root === this)
          return true;
        if (this.#parent?.type === "!")
          return true;
        if (!this.#parent?.isEnd())
          return false;
        if (!this.type)
          return this.#parent?.isEnd();
        const pl = this.#parent ? this.#parent.#parts.length : 0;
        return this.#parentIndex === pl - 1;
      }
      copyIn(part) {
        if (typeof part === "string")
          this.push(part);
        else
          this.push(part.clone(this));
      }
      clone(parent) {
        const c = new _a(this.type, parent);
        for (const p of this.#parts) {
          c.copyIn(p);
        }
        return c;
      }
      static #parseAST(str, ast, pos, opt, extDepth) {
        const maxDepth = opt.maxExtglobRecursion ?? 2;
        let escaping = false;
        let inBrace = false;
        let braceStart = -1;
        let braceNeg = false;
        if (ast.type === null) {
          let i2 = pos;
          let acc2 = "";
          while (i2 < str.length) {
            const c = str.charAt(i2++);
            if (escaping || c === "\\") {
              escaping = !escaping;
              acc2 += c;
              continue;
            }
            if (inBrace) {
              if (i2 === braceStart + 1) {
                if (c === "^" || c === "!") {
                  braceNeg = true;
                }
              } else if (c === "]" && !(i2 === braceStart + 2 && braceNeg)) {
                inBrace = false;
              }
              acc2 += c;
              continue;
            } else if (c === "[") {
              inBrace = true;
              braceStart = i2;
              braceNeg = false;
              acc2 += c;
              continue;
            }
            const doRecurse = !opt.noext && isExtglobType(c) && str.charAt(i2) === "(" && extDepth <= maxDepth;
            if (doRecurse) {
              ast.push(acc2);
              acc2 = "";
              const ext = new _a(c, ast);
              i2 = _a.#parseAST(str, ext, i2, opt, extDepth + 1);
              ast.push(ext);
              continue;
            }
            acc2 += c;
          }
          ast.push(acc2);
          return i2;
        }
        let i = pos + 1;
        let part = new _a(null, ast);
        const parts = [];
        let acc = "";
        while (i < str.length) {
          const c = str.charAt(i++);
          if (escaping || c === "\\") {
            escaping = !escaping;
            acc += c;
            continue;
          }
          if (inBrace) {
            if (i === braceStart + 1) {
              if (c === "^" || c === "!") {
                braceNeg = true;
              }
            } else if (c === "]" && !(i === braceStart + 2 && braceNeg)) {
              inBrace = false;
            }
            acc += c;
            continue;
          } else if (c === "[") {
            inBrace = true;
            braceStart = i;
            braceNeg = false;
            acc += c;
            continue;
          }
          const doRecurse = !opt.noext && isExtglobType(c) && str.charAt(i) === "(" && /* c8 ignore start - the maxDepth is sufficient here */
          (extDepth <= maxDepth || ast && ast.#canAdoptType(c));
          if (doRecurse) {
            const depthAdd = ast && ast.#canAdoptType(c) ? 0 : 1;
            part.push(acc);
            acc = "";
            const ext = new _a(c, part);
            part.push(ext);
            i = _a.#parseAST(str, ext, i, opt, extDepth + depthAdd);
            continue;
          }
          if (c === "|") {
            part.push(acc);
            acc = "";
            parts.push(part);
            part = new _a(null, ast);
            continue;
          }
          if (c === ")") {
            if (acc === "" && ast.#parts.length === 0) {
              ast.#emptyExt = true;
            }
            part.push(acc);
            acc = "";
            ast.push(...parts, part);
            return i;
          }
          acc += c;
        }
        ast.type = null;
        ast.#hasMagic = void 0;
        ast.#parts = [str.substring(pos - 1)];
        return i;
      }
      #canAdoptWithSpace(child) {
        return this.#canAdopt(child, adoptionWithSpaceMap);
      }
      #canAdopt(child, map = adoptionMap) {
        if (!child || typeof child !== "object" || child.type !== null || child.#parts.length !== 1 || this.type === null) {
          return false;
        }
        const gc = child.#parts[0];
        if (!gc || typeof gc !== "object" || gc.type === null) {
          return false;
        }
        return this.#canAdoptType(gc.type, map);
      }
      #canAdoptType(c, map = adoptionAnyMap) {
        return !!map.get(this.type)?.includes(c);
      }
      #adoptWithSpace(child, index) {
        const gc = child.#parts[0];
        const blank = new _a(null, gc, this.options);
        blank.#parts.push("");
        gc.push(blank);
        this.#adopt(child, index);
      }
      #adopt(child, index) {
        const gc = child.#parts[0];
        this.#parts.splice(index, 1, ...gc.#parts);
        for (const p of gc.#parts) {
          if (typeof p === "object")
            p.#parent = this;
        }
        this.#toString = void 0;
      }
      #canUsurpType(c) {
        const m = usurpMap.get(this.type);
        return !!m?.has(c);
      }
      #canUsurp(child) {
        if (!child || typeof child !== "object" || child.type !== null || child.#parts.length !== 1 || this.type === null || this.#parts.length !== 1) {
          return false;
        }
        const gc = child.#parts[0];
        if (!gc || typeof gc !== "object" || gc.type === null) {
          return false;
        }
        return this.#canUsurpType(gc.type);
      }
      #usurp(child) {
        const m = usurpMap.get(this.type);
        const gc = child.#parts[0];
        const nt = m?.get(gc.type);
        if (!nt)
          return false;
        this.#parts = gc.#parts;
        for (const p of this.#parts) {
          if (typeof p === "object") {
            p.#parent = this;
          }
        }
        this.type = nt;
        this.#toString = void 0;
        this.#emptyExt = false;
      }
      static fromGlob(pattern, options2 = {}) {
        const ast = new _a(null, void 0, options2);
        _a.#parseAST(pattern, ast, 0, options2, 0);
        return ast;
      }
      // returns the regular expression if there's magic, or the unescaped
      // string if not.
      toMMPattern() {
        if (this !== this.#root)
          return this.#root.toMMPattern();
        const glob = this.toString();
        const [re, body, hasMagic, uflag] = this.toRegExpSource();
        const anyMagic = hasMagic || this.#hasMagic || this.#options.nocase && !this.#options.nocaseMagicOnly && glob.toUpperCase() !== glob.toLowerCase();
        if (!anyMagic) {
          return body;
        }
        const flags = (this.#options.nocase ? "i" : "") + (uflag ? "u" : "");
        return Object.assign(new RegExp(`^${re}$`, flags), {
          _src: re,
          _glob: glob
        });
      }
      get options() {
        return this.#options;
      }
      // returns the string match, the regexp source, whether there's magic
      // in the regexp (so a regular expression is required) and whether or
      // not the uflag is needed for the regular expression (for posix classes)
      // TODO: instead of injecting the start/end at this point, just return
      // the BODY of the regexp, along with the start/end portions suitable
      // for binding the start/end in either a joined full-path makeRe context
      // (where we bind to (^|/), or a standalone matchPart context (where
      // we bind to ^, and not /).  Otherwise slashes get duped!
      //
      // In part-matching mode, the start is:
      // - if not isStart: nothing
      // - if traversal possible, but not allowed: ^(?!\.\.?$)
      // - if dots allowed or not possible: ^
      // - if dots possible and not allowed: ^(?!\.)
      // end is:
      // - if not isEnd(): nothing
      // - else: $
      //
      // In full-path matching mode, we put the slash at the START of the
      // pattern, so start is:
      // - if first pattern: same as part-matching mode
      // - if not isStart(): nothing
      // - if traversal possible, but not allowed: /(?!\.\.?(?:$|/))
      // - if dots allowed or not possible: /
      // - if dots possible and not allowed: /(?!\.)
      // end is:
      // - if last pattern, same as part-matching mode
      // - else nothing
      //
      // Always put the (?:$|/) on negated tails, though, because that has to be
      // there to bind the end of the negated pattern portion, and it's easier to
      // just stick it in now rather than try to inject it later in the middle of
      // the pattern.
      //
      // We can just always return the same end, and leave it up to the caller
      // to know whether it's going to be used joined or in parts.
      // And, if the start is adjusted slightly, can do the same there:
      // - if not isStart: nothing
      // - if traversal possible, but not allowed: (?:/|^)(?!\.\.?$)
      // - if dots allowed or not possible: (?:/|^)
      // - if dots possible and not allowed: (?:/|^)(?!\.)
      //
      // But it's better to have a simpler binding without a conditional, for
      // performance, so probably better to return both start options.
      //
      // Then the caller just ignores the end if it's not the first pattern,
      // and the start always gets applied.
      //
      // But that's always going to be $ if it's the ending pattern, or nothing,
      // so the caller can just attach $ at the end of the pattern when building.
      //
      // So the todo is:
      // - better detect what kind of start is needed
      // - return both flavors of starting pattern
      // - attach $ at the end of the pattern when creating the actual RegExp
      //
      // Ah, but wait, no, that all only applies to the root when the first pattern
      // is not an extglob. If the first pattern IS an extglob, then we need all
      // that dot prevention biz to live in the extglob portions, because eg
      // +(*|.x*) can match .xy but not .yx.
      //
      // So, return the two flavors if it's #root and the first child is not an
      // AST, otherwise leave it to the child AST to handle it, and there,
      // use the (?:^|/) style of start binding.
      //
      // Even simplified further:
      // - Since the start for a join is eg /(?!\.) and the start for a part
      // is ^(?!\.), we can just prepend (?!\.) to the pattern (either root
      // or start or whatever) and prepend ^ or / at the Regexp construction.
      toRegExpSource(allowDot) {
        const dot = allowDot ?? !!this.#options.dot;
        if (this.#root === this) {
          this.#flatten();
          this.#fillNegs();
        }
        if (!isExtglobAST(this)) {
          const noEmpty = this.isStart() && this.isEnd() && !this.#parts.some((s) => typeof s !== "string");
          const src = this.#parts.map((p) => {
            const [re, _, hasMagic, uflag] = typeof p === "string" ? _a.#parseGlob(p, this.#hasMagic, noEmpty) : p.toRegExpSource(allowDot);
            this.#hasMagic = this.#hasMagic || hasMagic;
            this.#uflag = this.#uflag || uflag;
            return re;
          }).join("");
          let start2 = "";
          if (this.isStart()) {
            if (typeof this.#parts[0] === "string") {
              const dotTravAllowed = this.#parts.length === 1 && justDots.has(this.#parts[0]);
              if (!dotTravAllowed) {
                const aps = addPatternStart;
                const needNoTrav = (
                  // dots are allowed, and the pattern starts with [ or .
                  dot && aps.has(src.charAt(0)) || // the pattern starts with \., and then [ or .
                  src.startsWith("\\.") && aps.has(src.charAt(2)) || // the pattern starts with \.\., and then [ or .
                  src.startsWith("\\.\\.") && aps.has(src.charAt(4))
                );
                const needNoDot = !dot && !allowDot && aps.has(src.charAt(0));
                start2 = needNoTrav ? startNoTraversal : needNoDot ? startNoDot : "";
              }
            }
          }
          let end = "";
          if (this.isEnd() && this.#root.#filledNegs && this.#parent?.type === "!") {
            end = "(?:$|\\/)";
          }
          const final2 = start2 + src + end;
          return [
            final2,
            (0, unescape_js_1.unescape)(src),
            this.#hasMagic = !!this.#hasMagic,
            this.#uflag
          ];
        }
        const repeated = this.type === "*" || this.type === "+";
        const start = this.type === "!" ? "(?:(?!(?:" : "(?:";
        let body = this.#partsToRegExp(dot);
        if (this.isStart() && this.isEnd() && !body && this.type !== "!") {
          const s = this.toString();
          const me = this;
          me.#parts = [s];
          me.type = null;
          me.#hasMagic = void 0;
          return [s, (0, unescape_js_1.unescape)(this.toString()), false, false];
        }
        let bodyDotAllowed = !repeated || allowDot || dot || !startNoDot ? "" : this.#partsToRegExp(true);
        if (bodyDotAllowed === body) {
          bodyDotAllowed = "";
        }
        if (bodyDotAllowed) {
          body = `(?:${body})(?:${bodyDotAllowed})*?`;
        }
        let final = "";
        if (this.type === "!" && this.#emptyExt) {
          final = (this.isStart() && !dot ? startNoDot : "") + starNoEmpty;
        } else {
          const close = this.type === "!" ? (
            // !() must match something,but !(x) can match ''
            "))" + (this.isStart() && !dot && !allowDot ? startNoDot : "") + star + ")"
          ) : this.type === "@" ? ")" : this.type === "?" ? ")?" : this.type === "+" && bodyDotAllowed ? ")" : this.type === "*" && bodyDotAllowed ? `)?` : `)${this.type}`;
          final = start + body + close;
        }
        return [
          final,
          (0, unescape_js_1.unescape)(body),
          this.#hasMagic = !!this.#hasMagic,
          this.#uflag
        ];
      }
      #flatten() {
        if (!isExtglobAST(this)) {
          for (const p of this.#parts) {
            if (typeof p === "object") {
              p.#flatten();
            }
          }
        } else {
          let iterations = 0;
          let done = false;
          do {
            done = true;
            for (let i = 0; i < this.#parts.length; i++) {
              const c = this.#parts[i];
              if (typeof c === "object") {
                c.#flatten();
                if (this.#canAdopt(c)) {
                  done = false;
                  this.#adopt(c, i);
                } else if (this.#canAdoptWithSpace(c)) {
                  done = false;
                  this.#adoptWithSpace(c, i);
                } else if (this.#canUsurp(c)) {
                  done = false;
                  this.#usurp(c);
                }
              }
            }
          } while (!done && ++iterations < 10);
        }
        this.#toString = void 0;
      }
      #partsToRegExp(dot) {
        return this.#parts.map((p) => {
          if (typeof p === "string") {
            throw new Error("string type in extglob ast??");
          }
          const [re, _, _hasMagic, uflag] = p.toRegExpSource(dot);
          this.#uflag = this.#uflag || uflag;
          return re;
        }).filter((p) => !(this.isStart() && this.isEnd()) || !!p).join("|");
      }
      static #parseGlob(glob, hasMagic, noEmpty = false) {
        let escaping = false;
        let re = "";
        let uflag = false;
        let inStar = false;
        for (let i = 0; i < glob.length; i++) {
          const c = glob.charAt(i);
          if (escaping) {
            escaping = false;
            re += (reSpecials.has(c) ? "\\" : "") + c;
            continue;
          }
          if (c === "*") {
            if (inStar)
              continue;
            inStar = true;
            re += noEmpty && /^[*]+$/.test(glob) ? starNoEmpty : star;
            hasMagic = true;
            continue;
          } else {
            inStar = false;
          }
          if (c === "\\") {
            if (i === glob.length - 1) {
              re += "\\\\";
            } else {
              escaping = true;
            }
            continue;
          }
          if (c === "[") {
            const [src, needUflag, consumed, magic] = (0, brace_expressions_js_1.parseClass)(glob, i);
            if (consumed) {
              re += src;
              uflag = uflag || needUflag;
              i += consumed - 1;
              hasMagic = hasMagic || magic;
              continue;
            }
          }
          if (c === "?") {
            re += qmark;
            hasMagic = true;
            continue;
          }
          re += regExpEscape(c);
        }
        return [re, (0, unescape_js_1.unescape)(glob), !!hasMagic, uflag];
      }
    };
    exports.AST = AST;
    _a = AST;
  }
});

// node_modules/minimatch/dist/commonjs/escape.js
var require_escape = __commonJS({
  "node_modules/minimatch/dist/commonjs/escape.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.escape = void 0;
    var escape = (s, { windowsPathsNoEscape = false, magicalBraces = false } = {}) => {
      if (magicalBraces) {
        return windowsPathsNoEscape ? s.replace(/[?*()[\]{}]/g, "[$&]") : s.replace(/[?*()[\]\\{}]/g, "\\$&");
      }
      return windowsPathsNoEscape ? s.replace(/[?*()[\]]/g, "[$&]") : s.replace(/[?*()[\]\\]/g, "\\$&");
    };
    exports.escape = escape;
  }
});

// node_modules/minimatch/dist/commonjs/index.js
var require_commonjs3 = __commonJS({
  "node_modules/minimatch/dist/commonjs/index.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.unescape = exports.escape = exports.AST = exports.Minimatch = exports.match = exports.makeRe = exports.braceExpand = exports.defaults = exports.filter = exports.GLOBSTAR = exports.sep = exports.minimatch = void 0;
    var brace_expansion_1 = require_commonjs2();
    var assert_valid_pattern_js_1 = require_assert_valid_pattern();
    var ast_js_1 = require_ast();
    var escape_js_1 = require_escape();
    var unescape_js_1 = require_unescape();
    var minimatch = (p, pattern, options2 = {}) => {
      (0, assert_valid_pattern_js_1.assertValidPattern)(pattern);
      if (!options2.nocomment && pattern.charAt(0) === "#") {
        return false;
      }
      return new Minimatch(pattern, options2).match(p);
    };
    exports.minimatch = minimatch;
    var starDotExtRE = /^\*+([^+@!?*[(]*)$/;
    var starDotExtTest = (ext2) => (f) => !f.startsWith(".") && f.endsWith(ext2);
    var starDotExtTestDot = (ext2) => (f) => f.endsWith(ext2);
    var starDotExtTestNocase = (ext2) => {
      ext2 = ext2.toLowerCase();
      return (f) => !f.startsWith(".") && f.toLowerCase().endsWith(ext2);
    };
    var starDotExtTestNocaseDot = (ext2) => {
      ext2 = ext2.toLowerCase();
      return (f) => f.toLowerCase().endsWith(ext2);
    };
    var starDotStarRE = /^\*+\.\*+$/;
    var starDotStarTest = (f) => !f.startsWith(".") && f.includes(".");
    var starDotStarTestDot = (f) => f !== "." && f !== ".." && f.includes(".");
    var dotStarRE = /^\.\*+$/;
    var dotStarTest = (f) => f !== "." && f !== ".." && f.startsWith(".");
    var starRE = /^\*+$/;
    var starTest = (f) => f.length !== 0 && !f.startsWith(".");
    var starTestDot = (f) => f.length !== 0 && f !== "." && f !== "..";
    var qmarksRE = /^\?+([^+@!?*[(]*)?$/;
    var qmarksTestNocase = ([$0, ext2 = ""]) => {
      const noext = qmarksTestNoExt([$0]);
      if (!ext2)
        return noext;
      ext2 = ext2.toLowerCase();
      return (f) => noext(f) && f.toLowerCase().endsWith(ext2);
    };
    var qmarksTestNocaseDot = ([$0, ext2 = ""]) => {
      const noext = qmarksTestNoExtDot([$0]);
      if (!ext2)
        return noext;
      ext2 = ext2.toLowerCase();
      return (f) => noext(f) && f.toLowerCase().endsWith(ext2);
    };
    var qmarksTestDot = ([$0, ext2 = ""]) => {
      const noext = qmarksTestNoExtDot([$0]);
      return !ext2 ? noext : (f) => noext(f) && f.endsWith(ext2);
    };
    var qmarksTest = ([$0, ext2 = ""]) => {
      const noext = qmarksTestNoExt([$0]);
      return !ext2 ? noext : (f) => noext(f) && f.endsWith(ext2);
    };
    var qmarksTestNoExt = ([$0]) => {
      const len = $0.length;
      return (f) => f.length === len && !f.startsWith(".");
    };
    var qmarksTestNoExtDot = ([$0]) => {
      const len = $0.length;
      return (f) => f.length === len && f !== "." && f !== "..";
    };
    var defaultPlatform = typeof process === "object" && process ? typeof process.env === "object" && process.env && process.env.__MINIMATCH_TESTING_PLATFORM__ || process.platform : "posix";
    var path39 = {
      win32: { sep: "\\" },
      posix: { sep: "/" }
    };
    exports.sep = defaultPlatform === "win32" ? path39.win32.sep : path39.posix.sep;
    exports.minimatch.sep = exports.sep;
    exports.GLOBSTAR = /* @__PURE__ */ Symbol("globstar **");
    exports.minimatch.GLOBSTAR = exports.GLOBSTAR;
    var qmark = "[^/]";
    var star = qmark + "*?";
    var twoStarDot = "(?:(?!(?:\\/|^)(?:\\.{1,2})($|\\/)).)*?";
    var twoStarNoDot = "(?:(?!(?:\\/|^)\\.).)*?";
    var filter = (pattern, options2 = {}) => (p) => (0, exports.minimatch)(p, pattern, options2);
    exports.filter = filter;
    exports.minimatch.filter = exports.filter;
    var ext = (a, b = {}) => Object.assign({}, a, b);
    var defaults = (def) => {
      if (!def || typeof def !== "object" || !Object.keys(def).length) {
        return exports.minimatch;
      }
      const orig = exports.minimatch;
      const m = (p, pattern, options2 = {}) => orig(p, pattern, ext(def, options2));
      return Object.assign(m, {
        Minimatch: class Minimatch extends orig.Minimatch {
          constructor(pattern, options2 = {}) {
            super(pattern, ext(def, options2));
          }
          static defaults(options2) {
            return orig.defaults(ext(def, options2)).Minimatch;
          }
        },
        AST: class AST extends orig.AST {
          /* c8 ignore start */
          constructor(type, parent, options2 = {}) {
            super(type, parent, ext(def, options2));
          }
          /* c8 ignore stop */
          static fromGlob(pattern, options2 = {}) {
            return orig.AST.fromGlob(pattern, ext(def, options2));
          }
        },
        unescape: (s, options2 = {}) => orig.unescape(s, ext(def, options2)),
        escape: (s, options2 = {}) => orig.escape(s, ext(def, options2)),
        filter: (pattern, options2 = {}) => orig.filter(pattern, ext(def, options2)),
        defaults: (options2) => orig.defaults(ext(def, options2)),
        makeRe: (pattern, options2 = {}) => orig.makeRe(pattern, ext(def, options2)),
        braceExpand: (pattern, options2 = {}) => orig.braceExpand(pattern, ext(def, options2)),
        match: (list, pattern, options2 = {}) => orig.match(list, pattern, ext(def, options2)),
        sep: orig.sep,
        GLOBSTAR: exports.GLOBSTAR
      });
    };
    exports.defaults = defaults;
    exports.minimatch.defaults = exports.defaults;
    var braceExpand = (pattern, options2 = {}) => {
      (0, assert_valid_pattern_js_1.assertValidPattern)(pattern);
      if (options2.nobrace || !/\{(?:(?!\{).)*\}/.test(pattern)) {
        return [pattern];
      }
      return (0, brace_expansion_1.expand)(pattern, { max: options2.braceExpandMax });
    };
    exports.braceExpand = braceExpand;
    exports.minimatch.braceExpand = exports.braceExpand;
    var makeRe = (pattern, options2 = {}) => new Minimatch(pattern, options2).makeRe();
    exports.makeRe = makeRe;
    exports.minimatch.makeRe = exports.makeRe;
    var match = (list, pattern, options2 = {}) => {
      const mm = new Minimatch(pattern, options2);
      list = list.filter((f) => mm.match(f));
      if (mm.options.nonull && !list.length) {
        list.push(pattern);
      }
      return list;
    };
    exports.match = match;
    exports.minimatch.match = exports.match;
    var globMagic = /[?*]|[+@!]\(.*?\)|\[|\]/;
    var regExpEscape = (s) => s.replace(/[-[\]{}()*+?.,\\^$|#\s]/g, "\\$&");
    var Minimatch = class {
      options;
      set;
      pattern;
      windowsPathsNoEscape;
      nonegate;
      negate;
      comment;
      empty;
      preserveMultipleSlashes;
      partial;
      globSet;
      globParts;
      nocase;
      isWindows;
      platform;
      windowsNoMagicRoot;
      maxGlobstarRecursion;
      regexp;
      constructor(pattern, options2 = {}) {
        (0, assert_valid_pattern_js_1.assertValidPattern)(pattern);
        options2 = options2 || {};
        this.options = options2;
        this.maxGlobstarRecursion = options2.maxGlobstarRecursion ?? 200;
        this.pattern = pattern;
        this.platform = options2.platform || defaultPlatform;
        this.isWindows = this.platform === "win32";
        const awe = "allowWindowsEscape";
        this.windowsPathsNoEscape = !!options2.windowsPathsNoEscape || options2[awe] === false;
        if (this.windowsPathsNoEscape) {
          this.pattern = this.pattern.replace(/\\/g, "/");
        }
        this.preserveMultipleSlashes = !!options2.preserveMultipleSlashes;
        this.regexp = null;
        this.negate = false;
        this.nonegate = !!options2.nonegate;
        this.comment = false;
        this.empty = false;
        this.partial = !!options2.partial;
        this.nocase = !!this.options.nocase;
        this.windowsNoMagicRoot = options2.windowsNoMagicRoot !== void 0 ? options2.windowsNoMagicRoot : !!(this.isWindows && this.nocase);
        this.globSet = [];
        this.globParts = [];
        this.set = [];
        this.make();
      }
      hasMagic() {
        if (this.options.magicalBraces && this.set.length > 1) {
          return true;
        }
        for (const pattern of this.set) {
          for (const part of pattern) {
            if (typeof part !== "string")
              return true;
          }
        }
        return false;
      }
      debug(..._) {
      }
      make() {
        const pattern = this.pattern;
        const options2 = this.options;
        if (!options2.nocomment && pattern.charAt(0) === "#") {
          this.comment = true;
          return;
        }
        if (!pattern) {
          this.empty = true;
          return;
        }
        this.parseNegate();
        this.globSet = [...new Set(this.braceExpand())];
        if (options2.debug) {
          this.debug = (...args) => console.error(...args);
        }
        this.debug(this.pattern, this.globSet);
        const rawGlobParts = this.globSet.map((s) => this.slashSplit(s));
        this.globParts = this.preprocess(rawGlobParts);
        this.debug(this.pattern, this.globParts);
        let set = this.globParts.map((s, _, __) => {
          if (this.isWindows && this.windowsNoMagicRoot) {
            const isUNC = s[0] === "" && s[1] === "" && (s[2] === "?" || !globMagic.test(s[2])) && !globMagic.test(s[3]);
            const isDrive = /^[a-z]:/i.test(s[0]);
            if (isUNC) {
              return [
                ...s.slice(0, 4),
                ...s.slice(4).map((ss) => this.parse(ss))
              ];
            } else if (isDrive) {
              return [s[0], ...s.slice(1).map((ss) => this.parse(ss))];
            }
          }
          return s.map((ss) => this.parse(ss));
        });
        this.debug(this.pattern, set);
        this.set = set.filter((s) => s.indexOf(false) === -1);
        if (this.isWindows) {
          for (let i = 0; i < this.set.length; i++) {
            const p = this.set[i];
            if (p[0] === "" && p[1] === "" && this.globParts[i][2] === "?" && typeof p[3] === "string" && /^[a-z]:$/i.test(p[3])) {
              p[2] = "?";
            }
          }
        }
        this.debug(this.pattern, this.set);
      }
      // various transforms to equivalent pattern sets that are
      // faster to process in a filesystem walk.  The goal is to
      // eliminate what we can, and push all ** patterns as far
      // to the right as possible, even if it increases the number
      // of patterns that we have to process.
      preprocess(globParts) {
        if (this.options.noglobstar) {
          for (const partset of globParts) {
            for (let j = 0; j < partset.length; j++) {
              if (partset[j] === "**") {
                partset[j] = "*";
              }
            }
          }
        }
        const { optimizationLevel = 1 } = this.options;
        if (optimizationLevel >= 2) {
          globParts = this.firstPhasePreProcess(globParts);
          globParts = this.secondPhasePreProcess(globParts);
        } else if (optimizationLevel >= 1) {
          globParts = this.levelOneOptimize(globParts);
        } else {
          globParts = this.adjascentGlobstarOptimize(globParts);
        }
        return globParts;
      }
      // just get rid of adjascent ** portions
      adjascentGlobstarOptimize(globParts) {
        return globParts.map((parts) => {
          let gs = -1;
          while (-1 !== (gs = parts.indexOf("**", gs + 1))) {
            let i = gs;
            while (parts[i + 1] === "**") {
              i++;
            }
            if (i !== gs) {
              parts.splice(gs, i - gs);
            }
          }
          return parts;
        });
      }
      // get rid of adjascent ** and resolve .. portions
      levelOneOptimize(globParts) {
        return globParts.map((parts) => {
          parts = parts.reduce((set, part) => {
            const prev = set[set.length - 1];
            if (part === "**" && prev === "**") {
              return set;
            }
            if (part === "..") {
              if (prev && prev !== ".." && prev !== "." && prev !== "**") {
                set.pop();
                return set;
              }
            }
            set.push(part);
            return set;
          }, []);
          return parts.length === 0 ? [""] : parts;
        });
      }
      levelTwoFileOptimize(parts) {
        if (!Array.isArray(parts)) {
          parts = this.slashSplit(parts);
        }
        let didSomething = false;
        do {
          didSomething = false;
          if (!this.preserveMultipleSlashes) {
            for (let i = 1; i < parts.length - 1; i++) {
              const p = parts[i];
              if (i === 1 && p === "" && parts[0] === "")
                continue;
              if (p === "." || p === "") {
                didSomething = true;
                parts.splice(i, 1);
                i--;
              }
            }
            if (parts[0] === "." && parts.length === 2 && (parts[1] === "." || parts[1] === "")) {
              didSomething = true;
              parts.pop();
            }
          }
          let dd = 0;
          while (-1 !== (dd = parts.indexOf("..", dd + 1))) {
            const p = parts[dd - 1];
            if (p && p !== "." && p !== ".." && p !== "**" && !(this.isWindows && /^[a-z]:$/i.test(p))) {
              didSomething = true;
              parts.splice(dd - 1, 2);
              dd -= 2;
            }
          }
        } while (didSomething);
        return parts.length === 0 ? [""] : parts;
      }
      // First phase: single-pattern processing
      // <pre> is 1 or more portions
      // <rest> is 1 or more portions
      // <p> is any portion other than ., .., '', or **
      // <e> is . or ''
      //
      // **/.. is *brutal* for filesystem walking performance, because
      // it effectively resets the recursive walk each time it occurs,
      // and ** cannot be reduced out by a .. pattern part like a regexp
      // or most strings (other than .., ., and '') can be.
      //
      // <pre>/**/../<p>/<p>/<rest> -> {<pre>/../<p>/<p>/<rest>,<pre>/**/<p>/<p>/<rest>}
      // <pre>/<e>/<rest> -> <pre>/<rest>
      // <pre>/<p>/../<rest> -> <pre>/<rest>
      // **/**/<rest> -> **/<rest>
      //
      // **/*/<rest> -> */**/<rest> <== not valid because ** doesn't follow
      // this WOULD be allowed if ** did follow symlinks, or * didn't
      firstPhasePreProcess(globParts) {
        let didSomething = false;
        do {
          didSomething = false;
          for (let parts of globParts) {
            let gs = -1;
            while (-1 !== (gs = parts.indexOf("**", gs + 1))) {
              let gss = gs;
              while (parts[gss + 1] === "**") {
                gss++;
              }
              if (gss > gs) {
                parts.splice(gs + 1, gss - gs);
              }
              let next = parts[gs + 1];
              const p = parts[gs + 2];
              const p2 = parts[gs + 3];
              if (next !== "..")
                continue;
              if (!p || p === "." || p === ".." || !p2 || p2 === "." || p2 === "..") {
                continue;
              }
              didSomething = true;
              parts.splice(gs, 1);
              const other = parts.slice(0);
              other[gs] = "**";
              globParts.push(other);
              gs--;
            }
            if (!this.preserveMultipleSlashes) {
              for (let i = 1; i < parts.length - 1; i++) {
                const p = parts[i];
                if (i === 1 && p === "" && parts[0] === "")
                  continue;
                if (p === "." || p === "") {
                  didSomething = true;
                  parts.splice(i, 1);
                  i--;
                }
              }
              if (parts[0] === "." && parts.length === 2 && (parts[1] === "." || parts[1] === "")) {
                didSomething = true;
                parts.pop();
              }
            }
            let dd = 0;
            while (-1 !== (dd = parts.indexOf("..", dd + 1))) {
              const p = parts[dd - 1];
              if (p && p !== "." && p !== ".." && p !== "**") {
                didSomething = true;
                const needDot = dd === 1 && parts[dd + 1] === "**";
                const splin = needDot ? ["."] : [];
                parts.splice(dd - 1, 2, ...splin);
                if (parts.length === 0)
                  parts.push("");
                dd -= 2;
              }
            }
          }
        } while (didSomething);
        return globParts;
      }
      // second phase: multi-pattern dedupes
      // {<pre>/*/<rest>,<pre>/<p>/<rest>} -> <pre>/*/<rest>
      // {<pre>/<rest>,<pre>/<rest>} -> <pre>/<rest>
      // {<pre>/**/<rest>,<pre>/<rest>} -> <pre>/**/<rest>
      //
      // {<pre>/**/<rest>,<pre>/**/<p>/<rest>} -> <pre>/**/<rest>
      // ^-- not valid because ** doens't follow symlinks
      secondPhasePreProcess(globParts) {
        for (let i = 0; i < globParts.length - 1; i++) {
          for (let j = i + 1; j < globParts.length; j++) {
            const matched = this.partsMatch(globParts[i], globParts[j], !this.preserveMultipleSlashes);
            if (matched) {
              globParts[i] = [];
              globParts[j] = matched;
              break;
            }
          }
        }
        return globParts.filter((gs) => gs.length);
      }
      partsMatch(a, b, emptyGSMatch = false) {
        let ai = 0;
        let bi = 0;
        let result = [];
        let which = "";
        while (ai < a.length && bi < b.length) {
          if (a[ai] === b[bi]) {
            result.push(which === "b" ? b[bi] : a[ai]);
            ai++;
            bi++;
          } else if (emptyGSMatch && a[ai] === "**" && b[bi] === a[ai + 1]) {
            result.push(a[ai]);
            ai++;
          } else if (emptyGSMatch && b[bi] === "**" && a[ai] === b[bi + 1]) {
            result.push(b[bi]);
            bi++;
          } else if (a[ai] === "*" && b[bi] && (this.options.dot || !b[bi].startsWith(".")) && b[bi] !== "**") {
            if (which === "b")
              return false;
            which = "a";
            result.push(a[ai]);
            ai++;
            bi++;
          } else if (b[bi] === "*" && a[ai] && (this.options.dot || !a[ai].startsWith(".")) && a[ai] !== "**") {
            if (which === "a")
              return false;
            which = "b";
            result.push(b[bi]);
            ai++;
            bi++;
          } else {
            return false;
          }
        }
        return a.length === b.length && result;
      }
      parseNegate() {
        if (this.nonegate)
          return;
        const pattern = this.pattern;
        let negate = false;
        let negateOffset = 0;
        for (let i = 0; i < pattern.length && pattern.charAt(i) === "!"; i++) {
          negate = !negate;
          negateOffset++;
        }
        if (negateOffset)
          this.pattern = pattern.slice(negateOffset);
        this.negate = negate;
      }
      // set partial to true to test if, for example,
      // "/a/b" matches the start of "/*/b/*/d"
      // Partial means, if you run out of file before you run
      // out of pattern, then that's fine, as long as all
      // the parts match.
      matchOne(file, pattern, partial = false) {
        let fileStartIndex = 0;
        let patternStartIndex = 0;
        if (this.isWindows) {
          const fileDrive = typeof file[0] === "string" && /^[a-z]:$/i.test(file[0]);
          const fileUNC = !fileDrive && file[0] === "" && file[1] === "" && file[2] === "?" && /^[a-z]:$/i.test(file[3]);
          const patternDrive = typeof pattern[0] === "string" && /^[a-z]:$/i.test(pattern[0]);
          const patternUNC = !patternDrive && pattern[0] === "" && pattern[1] === "" && pattern[2] === "?" && typeof pattern[3] === "string" && /^[a-z]:$/i.test(pattern[3]);
          const fdi = fileUNC ? 3 : fileDrive ? 0 : void 0;
          const pdi = patternUNC ? 3 : patternDrive ? 0 : void 0;
          if (typeof fdi === "number" && typeof pdi === "number") {
            const [fd, pd] = [
              file[fdi],
              pattern[pdi]
            ];
            if (fd.toLowerCase() === pd.toLowerCase()) {
              pattern[pdi] = fd;
              patternStartIndex = pdi;
              fileStartIndex = fdi;
            }
          }
        }
        const { optimizationLevel = 1 } = this.options;
        if (optimizationLevel >= 2) {
          file = this.levelTwoFileOptimize(file);
        }
        if (pattern.includes(exports.GLOBSTAR)) {
          return this.#matchGlobstar(file, pattern, partial, fileStartIndex, patternStartIndex);
        }
        return this.#matchOne(file, pattern, partial, fileStartIndex, patternStartIndex);
      }
      #matchGlobstar(file, pattern, partial, fileIndex, patternIndex) {
        const firstgs = pattern.indexOf(exports.GLOBSTAR, patternIndex);
        const lastgs = pattern.lastIndexOf(exports.GLOBSTAR);
        const [head, body, tail] = partial ? [
          pattern.slice(patternIndex, firstgs),
          pattern.slice(firstgs + 1),
          []
        ] : [
          pattern.slice(patternIndex, firstgs),
          pattern.slice(firstgs + 1, lastgs),
          pattern.slice(lastgs + 1)
        ];
        if (head.length) {
          const fileHead = file.slice(fileIndex, fileIndex + head.length);
          if (!this.#matchOne(fileHead, head, partial, 0, 0)) {
            return false;
          }
          fileIndex += head.length;
          patternIndex += head.length;
        }
        let fileTailMatch = 0;
        if (tail.length) {
          if (tail.length + fileIndex > file.length)
            return false;
          let tailStart = file.length - tail.length;
          if (this.#matchOne(file, tail, partial, tailStart, 0)) {
            fileTailMatch = tail.length;
          } else {
            if (file[file.length - 1] !== "" || fileIndex + tail.length === file.length) {
              return false;
            }
            tailStart--;
            if (!this.#matchOne(file, tail, partial, tailStart, 0)) {
              return false;
            }
            fileTailMatch = tail.length + 1;
          }
        }
        if (!body.length) {
          let sawSome = !!fileTailMatch;
          for (let i2 = fileIndex; i2 < file.length - fileTailMatch; i2++) {
            const f = String(file[i2]);
            sawSome = true;
            if (f === "." || f === ".." || !this.options.dot && f.startsWith(".")) {
              return false;
            }
          }
          return partial || sawSome;
        }
        const bodySegments = [[[], 0]];
        let currentBody = bodySegments[0];
        let nonGsParts = 0;
        const nonGsPartsSums = [0];
        for (const b of body) {
          if (b === exports.GLOBSTAR) {
            nonGsPartsSums.push(nonGsParts);
            currentBody = [[], 0];
            bodySegments.push(currentBody);
          } else {
            currentBody[0].push(b);
            nonGsParts++;
          }
        }
        let i = bodySegments.length - 1;
        const fileLength = file.length - fileTailMatch;
        for (const b of bodySegments) {
          b[1] = fileLength - (nonGsPartsSums[i--] + b[0].length);
        }
        return !!this.#matchGlobStarBodySections(file, bodySegments, fileIndex, 0, partial, 0, !!fileTailMatch);
      }
      // return false for "nope, not matching"
      // return null for "not matching, cannot keep trying"
      #matchGlobStarBodySections(file, bodySegments, fileIndex, bodyIndex, partial, globStarDepth, sawTail) {
        const bs = bodySegments[bodyIndex];
        if (!bs) {
          for (let i = fileIndex; i < file.length; i++) {
            sawTail = true;
            const f = file[i];
            if (f === "." || f === ".." || !this.options.dot && f.startsWith(".")) {
              return false;
            }
          }
          return sawTail;
        }
        const [body, after] = bs;
        while (fileIndex <= after) {
          const m = this.#matchOne(file.slice(0, fileIndex + body.length), body, partial, fileIndex, 0);
          if (m && globStarDepth < this.maxGlobstarRecursion) {
            const sub = this.#matchGlobStarBodySections(file, bodySegments, fileIndex + body.length, bodyIndex + 1, partial, globStarDepth + 1, sawTail);
            if (sub !== false) {
              return sub;
            }
          }
          const f = file[fileIndex];
          if (f === "." || f === ".." || !this.options.dot && f.startsWith(".")) {
            return false;
          }
          fileIndex++;
        }
        return partial || null;
      }
      #matchOne(file, pattern, partial, fileIndex, patternIndex) {
        let fi;
        let pi;
        let pl;
        let fl;
        for (fi = fileIndex, pi = patternIndex, fl = file.length, pl = pattern.length; fi < fl && pi < pl; fi++, pi++) {
          this.debug("matchOne loop");
          let p = pattern[pi];
          let f = file[fi];
          this.debug(pattern, p, f);
          if (p === false || p === exports.GLOBSTAR) {
            return false;
          }
          let hit;
          if (typeof p === "string") {
            hit = f === p;
            this.debug("string match", p, f, hit);
          } else {
            hit = p.test(f);
            this.debug("pattern match", p, f, hit);
          }
          if (!hit)
            return false;
        }
        if (fi === fl && pi === pl) {
          return true;
        } else if (fi === fl) {
          return partial;
        } else if (pi === pl) {
          return fi === fl - 1 && file[fi] === "";
        } else {
          throw new Error("wtf?");
        }
      }
      braceExpand() {
        return (0, exports.braceExpand)(this.pattern, this.options);
      }
      parse(pattern) {
        (0, assert_valid_pattern_js_1.assertValidPattern)(pattern);
        const options2 = this.options;
        if (pattern === "**")
          return exports.GLOBSTAR;
        if (pattern === "")
          return "";
        let m;
        let fastTest = null;
        if (m = pattern.match(starRE)) {
          fastTest = options2.dot ? starTestDot : starTest;
        } else if (m = pattern.match(starDotExtRE)) {
          fastTest = (options2.nocase ? options2.dot ? starDotExtTestNocaseDot : starDotExtTestNocase : options2.dot ? starDotExtTestDot : starDotExtTest)(m[1]);
        } else if (m = pattern.match(qmarksRE)) {
          fastTest = (options2.nocase ? options2.dot ? qmarksTestNocaseDot : qmarksTestNocase : options2.dot ? qmarksTestDot : qmarksTest)(m);
        } else if (m = pattern.match(starDotStarRE)) {
          fastTest = options2.dot ? starDotStarTestDot : starDotStarTest;
        } else if (m = pattern.match(dotStarRE)) {
          fastTest = dotStarTest;
        }
        const re = ast_js_1.AST.fromGlob(pattern, this.options).toMMPattern();
        if (fastTest && typeof re === "object") {
          Reflect.defineProperty(re, "test", { value: fastTest });
        }
        return re;
      }
      makeRe() {
        if (this.regexp || this.regexp === false)
          return this.regexp;
        const set = this.set;
        if (!set.length) {
          this.regexp = false;
          return this.regexp;
        }
        const options2 = this.options;
        const twoStar = options2.noglobstar ? star : options2.dot ? twoStarDot : twoStarNoDot;
        const flags = new Set(options2.nocase ? ["i"] : []);
        let re = set.map((pattern) => {
          const pp = pattern.map((p) => {
            if (p instanceof RegExp) {
              for (const f of p.flags.split(""))
                flags.add(f);
            }
            return typeof p === "string" ? regExpEscape(p) : p === exports.GLOBSTAR ? exports.GLOBSTAR : p._src;
          });
          pp.forEach((p, i) => {
            const next = pp[i + 1];
            const prev = pp[i - 1];
            if (p !== exports.GLOBSTAR || prev === exports.GLOBSTAR) {
              return;
            }
            if (prev === void 0) {
              if (next !== void 0 && next !== exports.GLOBSTAR) {
                pp[i + 1] = "(?:\\/|" + twoStar + "\\/)?" + next;
              } else {
                pp[i] = twoStar;
              }
            } else if (next === void 0) {
              pp[i - 1] = prev + "(?:\\/|\\/" + twoStar + ")?";
            } else if (next !== exports.GLOBSTAR) {
              pp[i - 1] = prev + "(?:\\/|\\/" + twoStar + "\\/)" + next;
              pp[i + 1] = exports.GLOBSTAR;
            }
          });
          const filtered = pp.filter((p) => p !== exports.GLOBSTAR);
          if (this.partial && filtered.length >= 1) {
            const prefixes = [];
            for (let i = 1; i <= filtered.length; i++) {
              prefixes.push(filtered.slice(0, i).join("/"));
            }
            return "(?:" + prefixes.join("|") + ")";
          }
          return filtered.join("/");
        }).join("|");
        const [open, close] = set.length > 1 ? ["(?:", ")"] : ["", ""];
        re = "^" + open + re + close + "$";
        if (this.partial) {
          re = "^(?:\\/|" + open + re.slice(1, -1) + close + ")$";
        }
        if (this.negate)
          re = "^(?!" + re + ").+$";
        try {
          this.regexp = new RegExp(re, [...flags].join(""));
        } catch {
          this.regexp = false;
        }
        return this.regexp;
      }
      slashSplit(p) {
        if (this.preserveMultipleSlashes) {
          return p.split("/");
        } else if (this.isWindows && /^\/\/[^/]+/.test(p)) {
          return ["", ...p.split(/\/+/)];
        } else {
          return p.split(/\/+/);
        }
      }
      match(f, partial = this.partial) {
        this.debug("match", f, this.pattern);
        if (this.comment) {
          return false;
        }
        if (this.empty) {
          return f === "";
        }
        if (f === "/" && partial) {
          return true;
        }
        const options2 = this.options;
        if (this.isWindows) {
          f = f.split("\\").join("/");
        }
        const ff = this.slashSplit(f);
        this.debug(this.pattern, "split", ff);
        const set = this.set;
        this.debug(this.pattern, "set", set);
        let filename = ff[ff.length - 1];
        if (!filename) {
          for (let i = ff.length - 2; !filename && i >= 0; i--) {
            filename = ff[i];
          }
        }
        for (const pattern of set) {
          let file = ff;
          if (options2.matchBase && pattern.length === 1) {
            file = [filename];
          }
          const hit = this.matchOne(file, pattern, partial);
          if (hit) {
            if (options2.flipNegate) {
              return true;
            }
            return !this.negate;
          }
        }
        if (options2.flipNegate) {
          return false;
        }
        return this.negate;
      }
      static defaults(def) {
        return exports.minimatch.defaults(def).Minimatch;
      }
    };
    exports.Minimatch = Minimatch;
    var ast_js_2 = require_ast();
    Object.defineProperty(exports, "AST", { enumerable: true, get: function() {
      return ast_js_2.AST;
    } });
    var escape_js_2 = require_escape();
    Object.defineProperty(exports, "escape", { enumerable: true, get: function() {
      return escape_js_2.escape;
    } });
    var unescape_js_2 = require_unescape();
    Object.defineProperty(exports, "unescape", { enumerable: true, get: function() {
      return unescape_js_2.unescape;
    } });
    exports.minimatch.AST = ast_js_1.AST;
    exports.minimatch.Minimatch = Minimatch;
    exports.minimatch.escape = escape_js_1.escape;
    exports.minimatch.unescape = unescape_js_1.unescape;
  }
});

// node_modules/@tufjs/models/dist/role.js
var require_role = __commonJS({
  "node_modules/@tufjs/models/dist/role.js"(exports) {
    "use strict";
    var __importDefault = exports && exports.__importDefault || function(mod) {
      return mod && mod.__esModule ? mod : { "default": mod };
    };
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.SuccinctRoles = exports.DelegatedRole = exports.Role = exports.TOP_LEVEL_ROLE_NAMES = void 0;
    var crypto_1 = __importDefault(__require("crypto"));
    var minimatch_1 = require_commonjs3();
    var util_1 = __importDefault(__require("util"));
    var error_1 = require_error();
    var utils_1 = require_utils();
    exports.TOP_LEVEL_ROLE_NAMES = [
      "root",
      "targets",
      "snapshot",
      "timestamp"
    ];
    var Role2 = class _Role {
      keyIDs;
      threshold;
      unrecognizedFields;
      constructor(options2) {
        const { keyIDs, threshold, unrecognizedFields } = options2;
        if (hasDuplicates(keyIDs)) {
          throw new error_1.ValueError("duplicate key IDs found");
        }
        if (threshold < 1) {
          throw new error_1.ValueError("threshold must be at least 1");
        }
        this.keyIDs = keyIDs;
        this.threshold = threshold;
        this.unrecognizedFields = unrecognizedFields || {};
      }
      equals(other) {
        if (!(other instanceof _Role)) {
          return false;
        }
        return this.threshold === other.threshold && util_1.default.isDeepStrictEqual(this.keyIDs, other.keyIDs) && util_1.default.isDeepStrictEqual(this.unrecognizedFields, other.unrecognizedFields);
      }
      toJSON() {
        return {
          keyids: this.keyIDs,
          threshold: this.threshold,
          ...this.unrecognizedFields
        };
      }
      static fromJSON(data) {
        const { keyids, threshold, ...rest } = data;
        if (!utils_1.guard.isStringArray(keyids)) {
          throw new TypeError("keyids must be an array");
        }
        if (typeof threshold !== "number") {
          throw new TypeError("threshold must be a number");
        }
        return new _Role({
          keyIDs: keyids,
          threshold,
          unrecognizedFields: rest
        });
      }
    };
    exports.Role = Role2;
    function hasDuplicates(array) {
      return new Set(array).size !== array.length;
    }
    var DelegatedRole = class _DelegatedRole extends Role2 {
      name;
      terminating;
      paths;
      pathHashPrefixes;
      constructor(opts) {
        super(opts);
        const { name, terminating, paths, pathHashPrefixes } = opts;
        this.name = name;
        this.terminating = terminating;
        if (opts.paths && opts.pathHashPrefixes) {
          throw new error_1.ValueError("paths and pathHashPrefixes are mutually exclusive");
        }
        this.paths = paths;
        this.pathHashPrefixes = pathHashPrefixes;
      }
      equals(other) {
        if (!(other instanceof _DelegatedRole)) {
          return false;
        }
        return super.equals(other) && this.name === other.name && this.terminating === other.terminating && util_1.default.isDeepStrictEqual(this.paths, other.paths) && util_1.default.isDeepStrictEqual(this.pathHashPrefixes, other.pathHashPrefixes);
      }
      isDelegatedPath(targetFilepath) {
        if (this.paths) {
          return this.paths.some((pathPattern) => isTargetInPathPattern(targetFilepath, pathPattern));
        }
        if (this.pathHashPrefixes) {
          const hasher = crypto_1.default.createHash("sha256");
          const pathHash = hasher.update(targetFilepath).digest("hex");
          return this.pathHashPrefixes.some((pathHashPrefix) => pathHash.startsWith(pathHashPrefix));
        }
        return false;
      }
      toJSON() {
        const json = {
          ...super.toJSON(),
          name: this.name,
          terminating: this.terminating
        };
        if (this.paths) {
          json.paths = this.paths;
        }
        if (this.pathHashPrefixes) {
          json.path_hash_prefixes = this.pathHashPrefixes;
        }
        return json;
      }
      static fromJSON(data) {
        const { keyids, threshold, name, terminating, paths, path_hash_prefixes, ...rest } = data;
        if (!utils_1.guard.isStringArray(keyids)) {
          throw new TypeError("keyids must be an array of strings");
        }
        if (typeof threshold !== "number") {
          throw new TypeError("threshold must be a number");
        }
        if (typeof name !== "string") {
          throw new TypeError("name must be a string");
        }
        if (typeof terminating !== "boolean") {
          throw new TypeError("terminating must be a boolean");
        }
        if (utils_1.guard.isDefined(paths) && !utils_1.guard.isStringArray(paths)) {
          throw new TypeError("paths must be an array of strings");
        }
        if (utils_1.guard.isDefined(path_hash_prefixes) && !utils_1.guard.isStringArray(path_hash_prefixes)) {
          throw new TypeError("path_hash_prefixes must be an array of strings");
        }
        return new _DelegatedRole({
          keyIDs: keyids,
          threshold,
          name,
          terminating,
          paths,
          pathHashPrefixes: path_hash_prefixes,
          unrecognizedFields: rest
        });
      }
    };
    exports.DelegatedRole = DelegatedRole;
    var zip = (a, b) => a.map((k, i) => [k, b[i]]);
    function isTargetInPathPattern(target, pattern) {
      const targetParts = target.split("/");
      const patternParts = pattern.split("/");
      if (patternParts.length != targetParts.length) {
        return false;
      }
      return zip(targetParts, patternParts).every(([targetPart, patternPart]) => (0, minimatch_1.minimatch)(targetPart, patternPart));
    }
    var SuccinctRoles = class _SuccinctRoles extends Role2 {
      bitLength;
      namePrefix;
      numberOfBins;
      suffixLen;
      constructor(opts) {
        super(opts);
        const { bitLength, namePrefix } = opts;
        if (bitLength <= 0 || bitLength > 32) {
          throw new error_1.ValueError("bitLength must be between 1 and 32");
        }
        this.bitLength = bitLength;
        this.namePrefix = namePrefix;
        this.numberOfBins = Math.pow(2, bitLength);
        this.suffixLen = (this.numberOfBins - 1).toString(16).length;
      }
      equals(other) {
        if (!(other instanceof _SuccinctRoles)) {
          return false;
        }
        return super.equals(other) && this.bitLength === other.bitLength && this.namePrefix === other.namePrefix;
      }
      /***
       * Calculates the name of the delegated role responsible for 'target_filepath'.
       *
       * The target at path ''target_filepath' is assigned to a bin by casting
       * the left-most 'bit_length' of bits of the file path hash digest to
       * int, using it as bin index between 0 and '2**bit_length - 1'.
       *
       * Args:
       *  target_filepath: URL path to a target file, relative to a base
       *  targets URL.
       */
      getRoleForTarget(targetFilepath) {
        const hasher = crypto_1.default.createHash("sha256");
        const hasherBuffer = hasher.update(targetFilepath).digest();
        const hashBytes = hasherBuffer.subarray(0, 4);
        const shiftValue = 32 - this.bitLength;
        const binNumber = hashBytes.readUInt32BE() >>> shiftValue;
        const suffix = binNumber.toString(16).padStart(this.suffixLen, "0");
        return `${this.namePrefix}-${suffix}`;
      }
      *getRoles() {
        for (let i = 0; i < this.numberOfBins; i++) {
          const suffix = i.toString(16).padStart(this.suffixLen, "0");
          yield `${this.namePrefix}-${suffix}`;
        }
      }
      /***
       * Determines whether the given ``role_name`` is in one of
       * the delegated roles that ``SuccinctRoles`` represents.
       *
       * Args:
       *  role_name: The name of the role to check against.
       */
      isDelegatedRole(roleName) {
        const desiredPrefix = this.namePrefix + "-";
        if (!roleName.startsWith(desiredPrefix)) {
          return false;
        }
        const suffix = roleName.slice(desiredPrefix.length, roleName.length);
        if (suffix.length != this.suffixLen) {
          return false;
        }
        if (!suffix.match(/^[0-9a-fA-F]+$/)) {
          return false;
        }
        const num = parseInt(suffix, 16);
        return 0 <= num && num < this.numberOfBins;
      }
      toJSON() {
        const json = {
          ...super.toJSON(),
          bit_length: this.bitLength,
          name_prefix: this.namePrefix
        };
        return json;
      }
      static fromJSON(data) {
        const { keyids, threshold, bit_length, name_prefix, ...rest } = data;
        if (!utils_1.guard.isStringArray(keyids)) {
          throw new TypeError("keyids must be an array of strings");
        }
        if (typeof threshold !== "number") {
          throw new TypeError("threshold must be a number");
        }
        if (typeof bit_length !== "number") {
          throw new TypeError("bit_length must be a number");
        }
        if (typeof name_prefix !== "string") {
          throw new TypeError("name_prefix must be a string");
        }
        return new _SuccinctRoles({
          keyIDs: keyids,
          threshold,
          bitLength: bit_length,
          namePrefix: name_prefix,
          unrecognizedFields: rest
        });
      }
    };
    exports.SuccinctRoles = SuccinctRoles;
  }
});

// node_modules/@tufjs/models/dist/root.js
var require_root = __commonJS({
  "node_modules/@tufjs/models/dist/root.js"(exports) {
    "use strict";
    var __importDefault = exports && exports.__importDefault || function(mod) {
      return mod && mod.__esModule ? mod : { "default": mod };
    };
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.Root = void 0;
    var util_1 = __importDefault(__require("util"));
    var base_1 = require_base();
    var error_1 = require_error();
    var key_1 = require_key2();
    var role_1 = require_role();
    var utils_1 = require_utils();
    var Root2 = class _Root extends base_1.Signed {
      type = base_1.MetadataKind.Root;
      keys;
      roles;
      consistentSnapshot;
      constructor(options2) {
        super(options2);
        this.keys = options2.keys || {};
        this.consistentSnapshot = options2.consistentSnapshot ?? true;
        if (!options2.roles) {
          this.roles = role_1.TOP_LEVEL_ROLE_NAMES.reduce((acc, role) => ({
            ...acc,
            [role]: new role_1.Role({ keyIDs: [], threshold: 1 })
          }), {});
        } else {
          const roleNames = new Set(Object.keys(options2.roles));
          if (!role_1.TOP_LEVEL_ROLE_NAMES.every((role) => roleNames.has(role))) {
            throw new error_1.ValueError("missing top-level role");
          }
          this.roles = options2.roles;
        }
      }
      addKey(key, role) {
        if (!this.roles[role]) {
          throw new error_1.ValueError(`role ${role} does not exist`);
        }
        if (!this.roles[role].keyIDs.includes(key.keyID)) {
          this.roles[role].keyIDs.push(key.keyID);
        }
        this.keys[key.keyID] = key;
      }
      equals(other) {
        if (!(other instanceof _Root)) {
          return false;
        }
        return super.equals(other) && this.consistentSnapshot === other.consistentSnapshot && util_1.default.isDeepStrictEqual(this.keys, other.keys) && util_1.default.isDeepStrictEqual(this.roles, other.roles);
      }
      toJSON() {
        return {
          _type: this.type,
          spec_version: this.specVersion,
          version: this.version,
          expires: this.expires,
          keys: keysToJSON(this.keys),
          roles: rolesToJSON(this.roles),
          consistent_snapshot: this.consistentSnapshot,
          ...this.unrecognizedFields
        };
      }
      static fromJSON(data) {
        const { unrecognizedFields, ...commonFields } = base_1.Signed.commonFieldsFromJSON(data);
        const { keys, roles, consistent_snapshot, ...rest } = unrecognizedFields;
        if (typeof consistent_snapshot !== "boolean") {
          throw new TypeError("consistent_snapshot must be a boolean");
        }
        return new _Root({
          ...commonFields,
          keys: keysFromJSON(keys),
          roles: rolesFromJSON(roles),
          consistentSnapshot: consistent_snapshot,
          unrecognizedFields: rest
        });
      }
    };
    exports.Root = Root2;
    function keysToJSON(keys) {
      return Object.entries(keys).reduce((acc, [keyID, key]) => ({ ...acc, [keyID]: key.toJSON() }), {});
    }
    function rolesToJSON(roles) {
      return Object.entries(roles).reduce((acc, [roleName, role]) => ({ ...acc, [roleName]: role.toJSON() }), {});
    }
    function keysFromJSON(data) {
      let keys;
      if (utils_1.guard.isDefined(data)) {
        if (!utils_1.guard.isObjectRecord(data)) {
          throw new TypeError("keys must be an object");
        }
        keys = Object.entries(data).reduce((acc, [keyID, keyData]) => ({
          ...acc,
          [keyID]: key_1.Key.fromJSON(keyID, keyData)
        }), {});
      }
      return keys;
    }
    function rolesFromJSON(data) {
      let roles;
      if (utils_1.guard.isDefined(data)) {
        if (!utils_1.guard.isObjectRecord(data)) {
          throw new TypeError("roles must be an object");
        }
        roles = Object.entries(data).reduce((acc, [roleName, roleData]) => ({
          ...acc,
          [roleName]: role_1.Role.fromJSON(roleData)
        }), {});
      }
      return roles;
    }
  }
});

// node_modules/@tufjs/models/dist/signature.js
var require_signature = __commonJS({
  "node_modules/@tufjs/models/dist/signature.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.Signature = void 0;
    var Signature2 = class _Signature {
      keyID;
      sig;
      constructor(options2) {
        const { keyID, sig } = options2;
        this.keyID = keyID;
        this.sig = sig;
      }
      toJSON() {
        return {
          keyid: this.keyID,
          sig: this.sig
        };
      }
      static fromJSON(data) {
        const { keyid, sig } = data;
        if (typeof keyid !== "string") {
          throw new TypeError("keyid must be a string");
        }
        if (typeof sig !== "string") {
          throw new TypeError("sig must be a string");
        }
        return new _Signature({
          keyID: keyid,
          sig
        });
      }
    };
    exports.Signature = Signature2;
  }
});

// node_modules/@tufjs/models/dist/snapshot.js
var require_snapshot = __commonJS({
  "node_modules/@tufjs/models/dist/snapshot.js"(exports) {
    "use strict";
    var __importDefault = exports && exports.__importDefault || function(mod) {
      return mod && mod.__esModule ? mod : { "default": mod };
    };
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.Snapshot = void 0;
    var util_1 = __importDefault(__require("util"));
    var base_1 = require_base();
    var file_1 = require_file();
    var utils_1 = require_utils();
    var Snapshot2 = class _Snapshot extends base_1.Signed {
      type = base_1.MetadataKind.Snapshot;
      meta;
      constructor(opts) {
        super(opts);
        this.meta = opts.meta || { "targets.json": new file_1.MetaFile({ version: 1 }) };
      }
      equals(other) {
        if (!(other instanceof _Snapshot)) {
          return false;
        }
        return super.equals(other) && util_1.default.isDeepStrictEqual(this.meta, other.meta);
      }
      toJSON() {
        return {
          _type: this.type,
          meta: metaToJSON(this.meta),
          spec_version: this.specVersion,
          version: this.version,
          expires: this.expires,
          ...this.unrecognizedFields
        };
      }
      static fromJSON(data) {
        const { unrecognizedFields, ...commonFields } = base_1.Signed.commonFieldsFromJSON(data);
        const { meta, ...rest } = unrecognizedFields;
        return new _Snapshot({
          ...commonFields,
          meta: metaFromJSON(meta),
          unrecognizedFields: rest
        });
      }
    };
    exports.Snapshot = Snapshot2;
    function metaToJSON(meta) {
      return Object.entries(meta).reduce((acc, [path39, metadata]) => ({
        ...acc,
        [path39]: metadata.toJSON()
      }), {});
    }
    function metaFromJSON(data) {
      let meta;
      if (utils_1.guard.isDefined(data)) {
        if (!utils_1.guard.isObjectRecord(data)) {
          throw new TypeError("meta field is malformed");
        } else {
          meta = Object.entries(data).reduce((acc, [path39, metadata]) => ({
            ...acc,
            [path39]: file_1.MetaFile.fromJSON(metadata)
          }), {});
        }
      }
      return meta;
    }
  }
});

// node_modules/@tufjs/models/dist/delegations.js
var require_delegations = __commonJS({
  "node_modules/@tufjs/models/dist/delegations.js"(exports) {
    "use strict";
    var __importDefault = exports && exports.__importDefault || function(mod) {
      return mod && mod.__esModule ? mod : { "default": mod };
    };
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.Delegations = void 0;
    var util_1 = __importDefault(__require("util"));
    var error_1 = require_error();
    var key_1 = require_key2();
    var role_1 = require_role();
    var utils_1 = require_utils();
    var Delegations = class _Delegations {
      keys;
      roles;
      unrecognizedFields;
      succinctRoles;
      constructor(options2) {
        this.keys = options2.keys;
        this.unrecognizedFields = options2.unrecognizedFields || {};
        if (options2.roles) {
          if (Object.keys(options2.roles).some((roleName) => role_1.TOP_LEVEL_ROLE_NAMES.includes(roleName))) {
            throw new error_1.ValueError("Delegated role name conflicts with top-level role name");
          }
        }
        this.succinctRoles = options2.succinctRoles;
        this.roles = options2.roles;
      }
      equals(other) {
        if (!(other instanceof _Delegations)) {
          return false;
        }
        return util_1.default.isDeepStrictEqual(this.keys, other.keys) && util_1.default.isDeepStrictEqual(this.roles, other.roles) && util_1.default.isDeepStrictEqual(this.unrecognizedFields, other.unrecognizedFields) && util_1.default.isDeepStrictEqual(this.succinctRoles, other.succinctRoles);
      }
      *rolesForTarget(targetPath) {
        if (this.roles) {
          for (const role of Object.values(this.roles)) {
            if (role.isDelegatedPath(targetPath)) {
              yield { role: role.name, terminating: role.terminating };
            }
          }
        } else if (this.succinctRoles) {
          yield {
            role: this.succinctRoles.getRoleForTarget(targetPath),
            terminating: true
          };
        }
      }
      toJSON() {
        const json = {
          keys: keysToJSON(this.keys),
          ...this.unrecognizedFields
        };
        if (this.roles) {
          json.roles = rolesToJSON(this.roles);
        } else if (this.succinctRoles) {
          json.succinct_roles = this.succinctRoles.toJSON();
        }
        return json;
      }
      static fromJSON(data) {
        const { keys, roles, succinct_roles, ...unrecognizedFields } = data;
        let succinctRoles;
        if (utils_1.guard.isObject(succinct_roles)) {
          succinctRoles = role_1.SuccinctRoles.fromJSON(succinct_roles);
        }
        return new _Delegations({
          keys: keysFromJSON(keys),
          roles: rolesFromJSON(roles),
          unrecognizedFields,
          succinctRoles
        });
      }
    };
    exports.Delegations = Delegations;
    function keysToJSON(keys) {
      return Object.entries(keys).reduce((acc, [keyId, key]) => ({
        ...acc,
        [keyId]: key.toJSON()
      }), {});
    }
    function rolesToJSON(roles) {
      return Object.values(roles).map((role) => role.toJSON());
    }
    function keysFromJSON(data) {
      if (!utils_1.guard.isObjectRecord(data)) {
        throw new TypeError("keys is malformed");
      }
      return Object.entries(data).reduce((acc, [keyID, keyData]) => ({
        ...acc,
        [keyID]: key_1.Key.fromJSON(keyID, keyData)
      }), {});
    }
    function rolesFromJSON(data) {
      let roleMap;
      if (utils_1.guard.isDefined(data)) {
        if (!utils_1.guard.isObjectArray(data)) {
          throw new TypeError("roles is malformed");
        }
        roleMap = data.reduce((acc, role) => {
          const delegatedRole = role_1.DelegatedRole.fromJSON(role);
          return {
            ...acc,
            [delegatedRole.name]: delegatedRole
          };
        }, {});
      }
      return roleMap;
    }
  }
});

// node_modules/@tufjs/models/dist/targets.js
var require_targets = __commonJS({
  "node_modules/@tufjs/models/dist/targets.js"(exports) {
    "use strict";
    var __importDefault = exports && exports.__importDefault || function(mod) {
      return mod && mod.__esModule ? mod : { "default": mod };
    };
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.Targets = void 0;
    var util_1 = __importDefault(__require("util"));
    var base_1 = require_base();
    var delegations_1 = require_delegations();
    var file_1 = require_file();
    var utils_1 = require_utils();
    var Targets2 = class _Targets extends base_1.Signed {
      type = base_1.MetadataKind.Targets;
      targets;
      delegations;
      constructor(options2) {
        super(options2);
        this.targets = options2.targets || {};
        this.delegations = options2.delegations;
      }
      addTarget(target) {
        this.targets[target.path] = target;
      }
      equals(other) {
        if (!(other instanceof _Targets)) {
          return false;
        }
        return super.equals(other) && util_1.default.isDeepStrictEqual(this.targets, other.targets) && util_1.default.isDeepStrictEqual(this.delegations, other.delegations);
      }
      toJSON() {
        const json = {
          _type: this.type,
          spec_version: this.specVersion,
          version: this.version,
          expires: this.expires,
          targets: targetsToJSON(this.targets),
          ...this.unrecognizedFields
        };
        if (this.delegations) {
          json.delegations = this.delegations.toJSON();
        }
        return json;
      }
      static fromJSON(data) {
        const { unrecognizedFields, ...commonFields } = base_1.Signed.commonFieldsFromJSON(data);
        const { targets, delegations, ...rest } = unrecognizedFields;
        return new _Targets({
          ...commonFields,
          targets: targetsFromJSON(targets),
          delegations: delegationsFromJSON(delegations),
          unrecognizedFields: rest
        });
      }
    };
    exports.Targets = Targets2;
    function targetsToJSON(targets) {
      return Object.entries(targets).reduce((acc, [path39, target]) => ({
        ...acc,
        [path39]: target.toJSON()
      }), {});
    }
    function targetsFromJSON(data) {
      let targets;
      if (utils_1.guard.isDefined(data)) {
        if (!utils_1.guard.isObjectRecord(data)) {
          throw new TypeError("targets must be an object");
        } else {
          targets = Object.entries(data).reduce((acc, [path39, target]) => ({
            ...acc,
            [path39]: file_1.TargetFile.fromJSON(path39, target)
          }), {});
        }
      }
      return targets;
    }
    function delegationsFromJSON(data) {
      let delegations;
      if (utils_1.guard.isDefined(data)) {
        if (!utils_1.guard.isObject(data)) {
          throw new TypeError("delegations must be an object");
        } else {
          delegations = delegations_1.Delegations.fromJSON(data);
        }
      }
      return delegations;
    }
  }
});

// node_modules/@tufjs/models/dist/timestamp.js
var require_timestamp2 = __commonJS({
  "node_modules/@tufjs/models/dist/timestamp.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.Timestamp = void 0;
    var base_1 = require_base();
    var file_1 = require_file();
    var utils_1 = require_utils();
    var Timestamp2 = class _Timestamp extends base_1.Signed {
      type = base_1.MetadataKind.Timestamp;
      snapshotMeta;
      constructor(options2) {
        super(options2);
        this.snapshotMeta = options2.snapshotMeta || new file_1.MetaFile({ version: 1 });
      }
      equals(other) {
        if (!(other instanceof _Timestamp)) {
          return false;
        }
        return super.equals(other) && this.snapshotMeta.equals(other.snapshotMeta);
      }
      toJSON() {
        return {
          _type: this.type,
          spec_version: this.specVersion,
          version: this.version,
          expires: this.expires,
          meta: { "snapshot.json": this.snapshotMeta.toJSON() },
          ...this.unrecognizedFields
        };
      }
      static fromJSON(data) {
        const { unrecognizedFields, ...commonFields } = base_1.Signed.commonFieldsFromJSON(data);
        const { meta, ...rest } = unrecognizedFields;
        return new _Timestamp({
          ...commonFields,
          snapshotMeta: snapshotMetaFromJSON(meta),
          unrecognizedFields: rest
        });
      }
    };
    exports.Timestamp = Timestamp2;
    function snapshotMetaFromJSON(data) {
      let snapshotMeta;
      if (utils_1.guard.isDefined(data)) {
        const snapshotData = data["snapshot.json"];
        if (!utils_1.guard.isDefined(snapshotData) || !utils_1.guard.isObject(snapshotData)) {
          throw new TypeError("missing snapshot.json in meta");
        } else {
          snapshotMeta = file_1.MetaFile.fromJSON(snapshotData);
        }
      }
      return snapshotMeta;
    }
  }
});

// node_modules/@tufjs/models/dist/metadata.js
var require_metadata = __commonJS({
  "node_modules/@tufjs/models/dist/metadata.js"(exports) {
    "use strict";
    var __importDefault = exports && exports.__importDefault || function(mod) {
      return mod && mod.__esModule ? mod : { "default": mod };
    };
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.Metadata = void 0;
    var canonical_json_1 = require_lib();
    var util_1 = __importDefault(__require("util"));
    var base_1 = require_base();
    var error_1 = require_error();
    var root_1 = require_root();
    var signature_1 = require_signature();
    var snapshot_1 = require_snapshot();
    var targets_1 = require_targets();
    var timestamp_1 = require_timestamp2();
    var utils_1 = require_utils();
    var Metadata2 = class _Metadata {
      signed;
      signatures;
      unrecognizedFields;
      constructor(signed, signatures, unrecognizedFields) {
        this.signed = signed;
        this.signatures = signatures || {};
        this.unrecognizedFields = unrecognizedFields || {};
      }
      sign(signer2, append2 = true) {
        const bytes = Buffer.from((0, canonical_json_1.canonicalize)(this.signed.toJSON()));
        const signature = signer2(bytes);
        if (!append2) {
          this.signatures = {};
        }
        this.signatures[signature.keyID] = signature;
      }
      verifyDelegate(delegatedRole, delegatedMetadata) {
        let role;
        let keys = {};
        switch (this.signed.type) {
          case base_1.MetadataKind.Root:
            keys = this.signed.keys;
            role = this.signed.roles[delegatedRole];
            break;
          case base_1.MetadataKind.Targets:
            if (!this.signed.delegations) {
              throw new error_1.ValueError(`No delegations found for ${delegatedRole}`);
            }
            keys = this.signed.delegations.keys;
            if (this.signed.delegations.roles) {
              role = this.signed.delegations.roles[delegatedRole];
            } else if (this.signed.delegations.succinctRoles) {
              if (this.signed.delegations.succinctRoles.isDelegatedRole(delegatedRole)) {
                role = this.signed.delegations.succinctRoles;
              }
            }
            break;
          default:
            throw new TypeError("invalid metadata type");
        }
        if (!role) {
          throw new error_1.ValueError(`no delegation found for ${delegatedRole}`);
        }
        const signingKeys = /* @__PURE__ */ new Set();
        role.keyIDs.forEach((keyID) => {
          const key = keys[keyID];
          if (!key) {
            return;
          }
          try {
            key.verifySignature(delegatedMetadata);
            signingKeys.add(key.keyID);
          } catch (error) {
          }
        });
        if (signingKeys.size < role.threshold) {
          throw new error_1.UnsignedMetadataError(`${delegatedRole} was signed by ${signingKeys.size}/${role.threshold} keys`);
        }
      }
      equals(other) {
        if (!(other instanceof _Metadata)) {
          return false;
        }
        return (
          // eslint-disable-next-line @typescript-eslint/no-unsafe-argument
          this.signed.equals(other.signed) && util_1.default.isDeepStrictEqual(this.signatures, other.signatures) && util_1.default.isDeepStrictEqual(this.unrecognizedFields, other.unrecognizedFields)
        );
      }
      toJSON() {
        const signatures = Object.values(this.signatures).map((signature) => {
          return signature.toJSON();
        });
        return {
          signatures,
          signed: this.signed.toJSON(),
          ...this.unrecognizedFields
        };
      }
      static fromJSON(type, data) {
        const { signed, signatures, ...rest } = data;
        if (!utils_1.guard.isDefined(signed) || !utils_1.guard.isObject(signed)) {
          throw new TypeError("signed is not defined");
        }
        if (type !== signed._type) {
          throw new error_1.ValueError(`expected '${type}', got ${signed["_type"]}`);
        }
        if (!utils_1.guard.isObjectArray(signatures)) {
          throw new TypeError("signatures is not an array");
        }
        let signedObj;
        switch (type) {
          case base_1.MetadataKind.Root:
            signedObj = root_1.Root.fromJSON(signed);
            break;
          case base_1.MetadataKind.Timestamp:
            signedObj = timestamp_1.Timestamp.fromJSON(signed);
            break;
          case base_1.MetadataKind.Snapshot:
            signedObj = snapshot_1.Snapshot.fromJSON(signed);
            break;
          case base_1.MetadataKind.Targets:
            signedObj = targets_1.Targets.fromJSON(signed);
            break;
          default:
            throw new TypeError("invalid metadata type");
        }
        const sigMap = {};
        signatures.forEach((sigData) => {
          const sig = signature_1.Signature.fromJSON(sigData);
          if (sigMap[sig.keyID]) {
            throw new error_1.ValueError(`multiple signatures found for keyid: ${sig.keyID}`);
          }
          sigMap[sig.keyID] = sig;
        });
        return new _Metadata(signedObj, sigMap, rest);
      }
    };
    exports.Metadata = Metadata2;
  }
});

// node_modules/@tufjs/models/dist/index.js
var require_dist2 = __commonJS({
  "node_modules/@tufjs/models/dist/index.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.Timestamp = exports.Targets = exports.Snapshot = exports.Signature = exports.Root = exports.Metadata = exports.Key = exports.TargetFile = exports.MetaFile = exports.ValueError = exports.MetadataKind = void 0;
    var base_1 = require_base();
    Object.defineProperty(exports, "MetadataKind", { enumerable: true, get: function() {
      return base_1.MetadataKind;
    } });
    var error_1 = require_error();
    Object.defineProperty(exports, "ValueError", { enumerable: true, get: function() {
      return error_1.ValueError;
    } });
    var file_1 = require_file();
    Object.defineProperty(exports, "MetaFile", { enumerable: true, get: function() {
      return file_1.MetaFile;
    } });
    Object.defineProperty(exports, "TargetFile", { enumerable: true, get: function() {
      return file_1.TargetFile;
    } });
    var key_1 = require_key2();
    Object.defineProperty(exports, "Key", { enumerable: true, get: function() {
      return key_1.Key;
    } });
    var metadata_1 = require_metadata();
    Object.defineProperty(exports, "Metadata", { enumerable: true, get: function() {
      return metadata_1.Metadata;
    } });
    var root_1 = require_root();
    Object.defineProperty(exports, "Root", { enumerable: true, get: function() {
      return root_1.Root;
    } });
    var signature_1 = require_signature();
    Object.defineProperty(exports, "Signature", { enumerable: true, get: function() {
      return signature_1.Signature;
    } });
    var snapshot_1 = require_snapshot();
    Object.defineProperty(exports, "Snapshot", { enumerable: true, get: function() {
      return snapshot_1.Snapshot;
    } });
    var targets_1 = require_targets();
    Object.defineProperty(exports, "Targets", { enumerable: true, get: function() {
      return targets_1.Targets;
    } });
    var timestamp_1 = require_timestamp2();
    Object.defineProperty(exports, "Timestamp", { enumerable: true, get: function() {
      return timestamp_1.Timestamp;
    } });
  }
});

// node_modules/ms/index.js
var require_ms = __commonJS({
  "node_modules/ms/index.js"(exports, module) {
    var s = 1e3;
    var m = s * 60;
    var h = m * 60;
    var d = h * 24;
    var w = d * 7;
    var y = d * 365.25;
    module.exports = function(val, options2) {
      options2 = options2 || {};
      var type = typeof val;
      if (type === "string" && val.length > 0) {
        return parse2(val);
      } else if (type === "number" && isFinite(val)) {
        return options2.long ? fmtLong(val) : fmtShort(val);
      }
      throw new Error(
        "val is not a non-empty string or a valid number. val=" + JSON.stringify(val)
      );
    };
    function parse2(str) {
      str = String(str);
      if (str.length > 100) {
        return;
      }
      var match = /^(-?(?:\d+)?\.?\d+) *(milliseconds?|msecs?|ms|seconds?|secs?|s|minutes?|mins?|m|hours?|hrs?|h|days?|d|weeks?|w|years?|yrs?|y)?$/i.exec(
        str
      );
      if (!match) {
        return;
      }
      var n = parseFloat(match[1]);
      var type = (match[2] || "ms").toLowerCase();
      switch (type) {
        case "years":
        case "year":
        case "yrs":
        case "yr":
        case "y":
          return n * y;
        case "weeks":
        case "week":
        case "w":
          return n * w;
        case "days":
        case "day":
        case "d":
          return n * d;
        case "hours":
        case "hour":
        case "hrs":
        case "hr":
        case "h":
          return n * h;
        case "minutes":
        case "minute":
        case "mins":
        case "min":
        case "m":
          return n * m;
        case "seconds":
        case "second":
        case "secs":
        case "sec":
        case "s":
          return n * s;
        case "milliseconds":
        case "millisecond":
        case "msecs":
        case "msec":
        case "ms":
          return n;
        default:
          return void 0;
      }
    }
    function fmtShort(ms) {
      var msAbs = Math.abs(ms);
      if (msAbs >= d) {
        return Math.round(ms / d) + "d";
      }
      if (msAbs >= h) {
        return Math.round(ms / h) + "h";
      }
      if (msAbs >= m) {
        return Math.round(ms / m) + "m";
      }
      if (msAbs >= s) {
        return Math.round(ms / s) + "s";
      }
      return ms + "ms";
    }
    function fmtLong(ms) {
      var msAbs = Math.abs(ms);
      if (msAbs >= d) {
        return plural(ms, msAbs, d, "day");
      }
      if (msAbs >= h) {
        return plural(ms, msAbs, h, "hour");
      }
      if (msAbs >= m) {
        return plural(ms, msAbs, m, "minute");
      }
      if (msAbs >= s) {
        return plural(ms, msAbs, s, "second");
      }
      return ms + " ms";
    }
    function plural(ms, msAbs, n, name) {
      var isPlural = msAbs >= n * 1.5;
      return Math.round(ms / n) + " " + name + (isPlural ? "s" : "");
    }
  }
});

// node_modules/debug/src/common.js
var require_common = __commonJS({
  "node_modules/debug/src/common.js"(exports, module) {
    function setup(env) {
      createDebug.debug = createDebug;
      createDebug.default = createDebug;
      createDebug.coerce = coerce;
      createDebug.disable = disable;
      createDebug.enable = enable;
      createDebug.enabled = enabled;
      createDebug.humanize = require_ms();
      createDebug.destroy = destroy;
      Object.keys(env).forEach((key) => {
        createDebug[key] = env[key];
      });
      createDebug.names = [];
      createDebug.skips = [];
      createDebug.formatters = {};
      function selectColor(namespace) {
        let hash = 0;
        for (let i = 0; i < namespace.length; i++) {
          hash = (hash << 5) - hash + namespace.charCodeAt(i);
          hash |= 0;
        }
        return createDebug.colors[Math.abs(hash) % createDebug.colors.length];
      }
      createDebug.selectColor = selectColor;
      function createDebug(namespace) {
        let prevTime;
        let enableOverride = null;
        let namespacesCache;
        let enabledCache;
        function debug(...args) {
          if (!debug.enabled) {
            return;
          }
          const self = debug;
          const curr = Number(/* @__PURE__ */ new Date());
          const ms = curr - (prevTime || curr);
          self.diff = ms;
          self.prev = prevTime;
          self.curr = curr;
          prevTime = curr;
          args[0] = createDebug.coerce(args[0]);
          if (typeof args[0] !== "string") {
            args.unshift("%O");
          }
          let index = 0;
          args[0] = args[0].replace(/%([a-zA-Z%])/g, (match, format) => {
            if (match === "%%") {
              return "%";
            }
            index++;
            const formatter = createDebug.formatters[format];
            if (typeof formatter === "function") {
              const val = args[index];
              match = formatter.call(self, val);
              args.splice(index, 1);
              index--;
            }
            return match;
          });
          createDebug.formatArgs.call(self, args);
          const logFn = self.log || createDebug.log;
          logFn.apply(self, args);
        }
        debug.namespace = namespace;
        debug.useColors = createDebug.useColors();
        debug.color = createDebug.selectColor(namespace);
        debug.extend = extend;
        debug.destroy = createDebug.destroy;
        Object.defineProperty(debug, "enabled", {
          enumerable: true,
          configurable: false,
          get: () => {
            if (enableOverride !== null) {
              return enableOverride;
            }
            if (namespacesCache !== createDebug.namespaces) {
              namespacesCache = createDebug.namespaces;
              enabledCache = createDebug.enabled(namespace);
            }
            return enabledCache;
          },
          set: (v) => {
            enableOverride = v;
          }
        });
        if (typeof createDebug.init === "function") {
          createDebug.init(debug);
        }
        return debug;
      }
      function extend(namespace, delimiter) {
        const newDebug = createDebug(this.namespace + (typeof delimiter === "undefined" ? ":" : delimiter) + namespace);
        newDebug.log = this.log;
        return newDebug;
      }
      function enable(namespaces) {
        createDebug.save(namespaces);
        createDebug.namespaces = namespaces;
        createDebug.names = [];
        createDebug.skips = [];
        const split = (typeof namespaces === "string" ? namespaces : "").trim().replace(/\s+/g, ",").split(",").filter(Boolean);
        for (const ns of split) {
          if (ns[0] === "-") {
            createDebug.skips.push(ns.slice(1));
          } else {
            createDebug.names.push(ns);
          }
        }
      }
      function matchesTemplate(search, template) {
        let searchIndex = 0;
        let templateIndex = 0;
        let starIndex = -1;
        let matchIndex = 0;
        while (searchIndex < search.length) {
          if (templateIndex < template.length && (template[templateIndex] === search[searchIndex] || template[templateIndex] === "*")) {
            if (template[templateIndex] === "*") {
              starIndex = templateIndex;
              matchIndex = searchIndex;
              templateIndex++;
            } else {
              searchIndex++;
              templateIndex++;
            }
          } else if (starIndex !== -1) {
            templateIndex = starIndex + 1;
            matchIndex++;
            searchIndex = matchIndex;
          } else {
            return false;
          }
        }
        while (templateIndex < template.length && template[templateIndex] === "*") {
          templateIndex++;
        }
        return templateIndex === template.length;
      }
      function disable() {
        const namespaces = [
          ...createDebug.names,
          ...createDebug.skips.map((namespace) => "-" + namespace)
        ].join(",");
        createDebug.enable("");
        return namespaces;
      }
      function enabled(name) {
        for (const skip of createDebug.skips) {
          if (matchesTemplate(name, skip)) {
            return false;
          }
        }
        for (const ns of createDebug.names) {
          if (matchesTemplate(name, ns)) {
            return true;
          }
        }
        return false;
      }
      function coerce(val) {
        if (val instanceof Error) {
          return val.stack || val.message;
        }
        return val;
      }
      function destroy() {
        console.warn("Instance method `debug.destroy()` is deprecated and no longer does anything. It will be removed in the next major version of `debug`.");
      }
      createDebug.enable(createDebug.load());
      return createDebug;
    }
    module.exports = setup;
  }
});

// node_modules/debug/src/browser.js
var require_browser = __commonJS({
  "node_modules/debug/src/browser.js"(exports, module) {
    exports.formatArgs = formatArgs;
    exports.save = save;
    exports.load = load;
    exports.useColors = useColors;
    exports.storage = localstorage();
    exports.destroy = /* @__PURE__ */ (() => {
      let warned = false;
      return () => {
        if (!warned) {
          warned = true;
          console.warn("Instance method `debug.destroy()` is deprecated and no longer does anything. It will be removed in the next major version of `debug`.");
        }
      };
    })();
    exports.colors = [
      "#0000CC",
      "#0000FF",
      "#0033CC",
      "#0033FF",
      "#0066CC",
      "#0066FF",
      "#0099CC",
      "#0099FF",
      "#00CC00",
      "#00CC33",
      "#00CC66",
      "#00CC99",
      "#00CCCC",
      "#00CCFF",
      "#3300CC",
      "#3300FF",
      "#3333CC",
      "#3333FF",
      "#3366CC",
      "#3366FF",
      "#3399CC",
      "#3399FF",
      "#33CC00",
      "#33CC33",
      "#33CC66",
      "#33CC99",
      "#33CCCC",
      "#33CCFF",
      "#6600CC",
      "#6600FF",
      "#6633CC",
      "#6633FF",
      "#66CC00",
      "#66CC33",
      "#9900CC",
      "#9900FF",
      "#9933CC",
      "#9933FF",
      "#99CC00",
      "#99CC33",
      "#CC0000",
      "#CC0033",
      "#CC0066",
      "#CC0099",
      "#CC00CC",
      "#CC00FF",
      "#CC3300",
      "#CC3333",
      "#CC3366",
      "#CC3399",
      "#CC33CC",
      "#CC33FF",
      "#CC6600",
      "#CC6633",
      "#CC9900",
      "#CC9933",
      "#CCCC00",
      "#CCCC33",
      "#FF0000",
      "#FF0033",
      "#FF0066",
      "#FF0099",
      "#FF00CC",
      "#FF00FF",
      "#FF3300",
      "#FF3333",
      "#FF3366",
      "#FF3399",
      "#FF33CC",
      "#FF33FF",
      "#FF6600",
      "#FF6633",
      "#FF9900",
      "#FF9933",
      "#FFCC00",
      "#FFCC33"
    ];
    function useColors() {
      if (typeof window !== "undefined" && window.process && (window.process.type === "renderer" || window.process.__nwjs)) {
        return true;
      }
      if (typeof navigator !== "undefined" && navigator.userAgent && navigator.userAgent.toLowerCase().match(/(edge|trident)\/(\d+)/)) {
        return false;
      }
      let m;
      return typeof document !== "undefined" && document.documentElement && document.documentElement.style && document.documentElement.style.WebkitAppearance || // Is firebug? http://stackoverflow.com/a/398120/376773
      typeof window !== "undefined" && window.console && (window.console.firebug || window.console.exception && window.console.table) || // Is firefox >= v31?
      // https://developer.mozilla.org/en-US/docs/Tools/Web_Console#Styling_messages
      typeof navigator !== "undefined" && navigator.userAgent && (m = navigator.userAgent.toLowerCase().match(/firefox\/(\d+)/)) && parseInt(m[1], 10) >= 31 || // Double check webkit in userAgent just in case we are in a worker
      typeof navigator !== "undefined" && navigator.userAgent && navigator.userAgent.toLowerCase().match(/applewebkit\/(\d+)/);
    }
    function formatArgs(args) {
      args[0] = (this.useColors ? "%c" : "") + this.namespace + (this.useColors ? " %c" : " ") + args[0] + (this.useColors ? "%c " : " ") + "+" + module.exports.humanize(this.diff);
      if (!this.useColors) {
        return;
      }
      const c = "color: " + this.color;
      args.splice(1, 0, c, "color: inherit");
      let index = 0;
      let lastC = 0;
      args[0].replace(/%[a-zA-Z%]/g, (match) => {
        if (match === "%%") {
          return;
        }
        index++;
        if (match === "%c") {
          lastC = index;
        }
      });
      args.splice(lastC, 0, c);
    }
    exports.log = console.debug || console.log || (() => {
    });
    function save(namespaces) {
      try {
        if (namespaces) {
          exports.storage.setItem("debug", namespaces);
        } else {
          exports.storage.removeItem("debug");
        }
      } catch (error) {
      }
    }
    function load() {
      let r;
      try {
        r = exports.storage.getItem("debug") || exports.storage.getItem("DEBUG");
      } catch (error) {
      }
      if (!r && typeof process !== "undefined" && "env" in process) {
        r = process.env.DEBUG;
      }
      return r;
    }
    function localstorage() {
      try {
        return localStorage;
      } catch (error) {
      }
    }
    module.exports = require_common()(exports);
    var { formatters } = module.exports;
    formatters.j = function(v) {
      try {
        return JSON.stringify(v);
      } catch (error) {
        return "[UnexpectedJSONParseError]: " + error.message;
      }
    };
  }
});

// node_modules/debug/src/node.js
var require_node = __commonJS({
  "node_modules/debug/src/node.js"(exports, module) {
    var tty = __require("tty");
    var util = __require("util");
    exports.init = init2;
    exports.log = log;
    exports.formatArgs = formatArgs;
    exports.save = save;
    exports.load = load;
    exports.useColors = useColors;
    exports.destroy = util.deprecate(
      () => {
      },
      "Instance method `debug.destroy()` is deprecated and no longer does anything. It will be removed in the next major version of `debug`."
    );
    exports.colors = [6, 2, 3, 4, 5, 1];
    try {
      const supportsColor = __require("supports-color");
      if (supportsColor && (supportsColor.stderr || supportsColor).level >= 2) {
        exports.colors = [
          20,
          21,
          26,
          27,
          32,
          33,
          38,
          39,
          40,
          41,
          42,
          43,
          44,
          45,
          56,
          57,
          62,
          63,
          68,
          69,
          74,
          75,
          76,
          77,
          78,
          79,
          80,
          81,
          92,
          93,
          98,
          99,
          112,
          113,
          128,
          129,
          134,
          135,
          148,
          149,
          160,
          161,
          162,
          163,
          164,
          165,
          166,
          167,
          168,
          169,
          170,
          171,
          172,
          173,
          178,
          179,
          184,
          185,
          196,
          197,
          198,
          199,
          200,
          201,
          202,
          203,
          204,
          205,
          206,
          207,
          208,
          209,
          214,
          215,
          220,
          221
        ];
      }
    } catch (error) {
    }
    exports.inspectOpts = Object.keys(process.env).filter((key) => {
      return /^debug_/i.test(key);
    }).reduce((obj, key) => {
      const prop = key.substring(6).toLowerCase().replace(/_([a-z])/g, (_, k) => {
        return k.toUpperCase();
      });
      let val = process.env[key];
      if (/^(yes|on|true|enabled)$/i.test(val)) {
        val = true;
      } else if (/^(no|off|false|disabled)$/i.test(val)) {
        val = false;
      } else if (val === "null") {
        val = null;
      } else {
        val = Number(val);
      }
      obj[prop] = val;
      return obj;
    }, {});
    function useColors() {
      return "colors" in exports.inspectOpts ? Boolean(exports.inspectOpts.colors) : tty.isatty(process.stderr.fd);
    }
    function formatArgs(args) {
      const { namespace: name, useColors: useColors2 } = this;
      if (useColors2) {
        const c = this.color;
        const colorCode = "\x1B[3" + (c < 8 ? c : "8;5;" + c);
        const prefix = `  ${colorCode};1m${name} \x1B[0m`;
        args[0] = prefix + args[0].split("\n").join("\n" + prefix);
        args.push(colorCode + "m+" + module.exports.humanize(this.diff) + "\x1B[0m");
      } else {
        args[0] = getDate() + name + " " + args[0];
      }
    }
    function getDate() {
      if (exports.inspectOpts.hideDate) {
        return "";
      }
      return (/* @__PURE__ */ new Date()).toISOString() + " ";
    }
    function log(...args) {
      return process.stderr.write(util.formatWithOptions(exports.inspectOpts, ...args) + "\n");
    }
    function save(namespaces) {
      if (namespaces) {
        process.env.DEBUG = namespaces;
      } else {
        delete process.env.DEBUG;
      }
    }
    function load() {
      return process.env.DEBUG;
    }
    function init2(debug) {
      debug.inspectOpts = {};
      const keys = Object.keys(exports.inspectOpts);
      for (let i = 0; i < keys.length; i++) {
        debug.inspectOpts[keys[i]] = exports.inspectOpts[keys[i]];
      }
    }
    module.exports = require_common()(exports);
    var { formatters } = module.exports;
    formatters.o = function(v) {
      this.inspectOpts.colors = this.useColors;
      return util.inspect(v, this.inspectOpts).split("\n").map((str) => str.trim()).join(" ");
    };
    formatters.O = function(v) {
      this.inspectOpts.colors = this.useColors;
      return util.inspect(v, this.inspectOpts);
    };
  }
});

// node_modules/debug/src/index.js
var require_src = __commonJS({
  "node_modules/debug/src/index.js"(exports, module) {
    if (typeof process === "undefined" || process.type === "renderer" || process.browser === true || process.__nwjs) {
      module.exports = require_browser();
    } else {
      module.exports = require_node();
    }
  }
});

// node_modules/tuf-js/dist/error.js
var require_error2 = __commonJS({
  "node_modules/tuf-js/dist/error.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.DownloadHTTPError = exports.DownloadLengthMismatchError = exports.DownloadError = exports.ExpiredMetadataError = exports.EqualVersionError = exports.BadVersionError = exports.RepositoryError = exports.PersistError = exports.RuntimeError = exports.ValueError = void 0;
    var ValueError = class extends Error {
    };
    exports.ValueError = ValueError;
    var RuntimeError2 = class extends Error {
    };
    exports.RuntimeError = RuntimeError2;
    var PersistError2 = class extends Error {
    };
    exports.PersistError = PersistError2;
    var RepositoryError2 = class extends Error {
    };
    exports.RepositoryError = RepositoryError2;
    var BadVersionError2 = class extends RepositoryError2 {
    };
    exports.BadVersionError = BadVersionError2;
    var EqualVersionError = class extends BadVersionError2 {
    };
    exports.EqualVersionError = EqualVersionError;
    var ExpiredMetadataError2 = class extends RepositoryError2 {
    };
    exports.ExpiredMetadataError = ExpiredMetadataError2;
    var DownloadError = class extends Error {
    };
    exports.DownloadError = DownloadError;
    var DownloadLengthMismatchError2 = class extends DownloadError {
    };
    exports.DownloadLengthMismatchError = DownloadLengthMismatchError2;
    var DownloadHTTPError4 = class extends DownloadError {
      statusCode;
      constructor(message, statusCode) {
        super(message);
        this.statusCode = statusCode;
      }
    };
    exports.DownloadHTTPError = DownloadHTTPError4;
  }
});

// node_modules/tuf-js/dist/utils/tmpfile.js
var require_tmpfile = __commonJS({
  "node_modules/tuf-js/dist/utils/tmpfile.js"(exports) {
    "use strict";
    var __importDefault = exports && exports.__importDefault || function(mod) {
      return mod && mod.__esModule ? mod : { "default": mod };
    };
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.withTempFile = void 0;
    var promises_1 = __importDefault(__require("fs/promises"));
    var os_1 = __importDefault(__require("os"));
    var path_1 = __importDefault(__require("path"));
    var withTempFile = async (handler) => withTempDir(async (dir) => handler(path_1.default.join(dir, "tempfile")));
    exports.withTempFile = withTempFile;
    var withTempDir = async (handler) => {
      const tmpDir = await promises_1.default.realpath(os_1.default.tmpdir());
      const dir = await promises_1.default.mkdtemp(tmpDir + path_1.default.sep);
      try {
        return await handler(dir);
      } finally {
        await promises_1.default.rm(dir, { force: true, recursive: true, maxRetries: 3 });
      }
    };
  }
});

// node_modules/@gar/promise-retry/lib/retry.js
var require_retry = __commonJS({
  "node_modules/@gar/promise-retry/lib/retry.js"(exports, module) {
    var RetryOperation = class {
      #attempts = 1;
      #cachedTimeouts = null;
      #errors = [];
      #fn = null;
      #maxRetryTime;
      #operationStart = null;
      #originalTimeouts;
      #timeouts;
      #timer = null;
      #unref;
      constructor(timeouts, options2 = {}) {
        this.#originalTimeouts = [...timeouts];
        this.#timeouts = [...timeouts];
        this.#unref = options2.unref;
        this.#maxRetryTime = options2.maxRetryTime || Infinity;
        if (options2.forever) {
          this.#cachedTimeouts = [...this.#timeouts];
        }
      }
      get timeouts() {
        return [...this.#timeouts];
      }
      get errors() {
        return [...this.#errors];
      }
      get attempts() {
        return this.#attempts;
      }
      get mainError() {
        let mainError = null;
        if (this.#errors.length) {
          let mainErrorCount = 0;
          const counts = {};
          for (let i = 0; i < this.#errors.length; i++) {
            const error = this.#errors[i];
            const { message } = error;
            if (!counts[message]) {
              counts[message] = 0;
            }
            counts[message]++;
            if (counts[message] >= mainErrorCount) {
              mainError = error;
              mainErrorCount = counts[message];
            }
          }
        }
        return mainError;
      }
      reset() {
        this.#attempts = 1;
        this.#timeouts = [...this.#originalTimeouts];
      }
      stop() {
        if (this.#timer) {
          clearTimeout(this.#timer);
        }
        this.#timeouts = [];
        this.#cachedTimeouts = null;
      }
      retry(err) {
        this.#errors.push(err);
        if ((/* @__PURE__ */ new Date()).getTime() - this.#operationStart >= this.#maxRetryTime) {
          this.#errors.unshift(new Error("RetryOperation timeout occurred"));
          return false;
        }
        let timeout = this.#timeouts.shift();
        if (timeout === void 0) {
          if (this.#cachedTimeouts) {
            this.#errors.pop();
            timeout = this.#cachedTimeouts.at(-1);
          } else {
            return false;
          }
        }
        this.#timer = setTimeout(() => {
          this.#attempts++;
          this.#fn(this.#attempts);
        }, timeout);
        if (this.#unref) {
          this.#timer.unref();
        }
        return true;
      }
      attempt(fn) {
        this.#fn = fn;
        this.#operationStart = (/* @__PURE__ */ new Date()).getTime();
        this.#fn(this.#attempts);
      }
    };
    module.exports = { RetryOperation };
  }
});

// node_modules/@gar/promise-retry/lib/index.js
var require_lib2 = __commonJS({
  "node_modules/@gar/promise-retry/lib/index.js"(exports, module) {
    var { RetryOperation } = require_retry();
    var createTimeout = (attempt, opts) => Math.min(Math.round((1 + (opts.randomize ? Math.random() : 0)) * Math.max(opts.minTimeout, 1) * Math.pow(opts.factor, attempt)), opts.maxTimeout);
    var isRetryError = (err) => err?.code === "EPROMISERETRY" && Object.hasOwn(err, "retried");
    var promiseRetry = async (fn, options2 = {}) => {
      let timeouts = [];
      if (options2 instanceof Array) {
        timeouts = [...options2];
      } else {
        if (options2.retries === Infinity) {
          options2.forever = true;
          delete options2.retries;
        }
        const opts = {
          retries: 10,
          factor: 2,
          minTimeout: 1 * 1e3,
          maxTimeout: Infinity,
          randomize: false,
          ...options2
        };
        if (opts.minTimeout > opts.maxTimeout) {
          throw new Error("minTimeout is greater than maxTimeout");
        }
        if (opts.retries) {
          for (let i = 0; i < opts.retries; i++) {
            timeouts.push(createTimeout(i, opts));
          }
          timeouts.sort((a, b) => a - b);
        } else if (options2.forever) {
          timeouts.push(createTimeout(0, opts));
        }
      }
      const operation = new RetryOperation(timeouts, {
        forever: options2.forever,
        unref: options2.unref,
        maxRetryTime: options2.maxRetryTime
      });
      return new Promise(function(resolve, reject) {
        operation.attempt(async (number) => {
          try {
            const result = await fn((err) => {
              throw Object.assign(new Error("Retrying"), { code: "EPROMISERETRY", retried: err });
            }, number, operation);
            return resolve(result);
          } catch (err) {
            if (!isRetryError(err)) {
              return reject(err);
            }
            if (!operation.retry(err.retried || new Error())) {
              return reject(err.retried);
            }
          }
        });
      });
    };
    module.exports = { promiseRetry };
  }
});

// node_modules/tuf-js/dist/fetcher.js
var require_fetcher = __commonJS({
  "node_modules/tuf-js/dist/fetcher.js"(exports) {
    "use strict";
    var __importDefault = exports && exports.__importDefault || function(mod) {
      return mod && mod.__esModule ? mod : { "default": mod };
    };
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.DefaultFetcher = exports.BaseFetcher = void 0;
    var debug_1 = __importDefault(require_src());
    var fs_1 = __importDefault(__require("fs"));
    var util_1 = __importDefault(__require("util"));
    var error_1 = require_error2();
    var tmpfile_1 = require_tmpfile();
    var promise_retry_1 = require_lib2();
    var log = (0, debug_1.default)("tuf:fetch");
    var USER_AGENT_HEADER = "User-Agent";
    var BaseFetcher2 = class {
      // Download file from given URL. The file is downloaded to a temporary
      // location and then passed to the given handler. The handler is responsible
      // for moving the file to its final location. The temporary file is deleted
      // after the handler returns.
      async downloadFile(url, maxLength, handler) {
        return (0, tmpfile_1.withTempFile)(async (tmpFile) => {
          const reader = await this.fetch(url);
          let numberOfBytesReceived = 0;
          const fileStream = fs_1.default.createWriteStream(tmpFile);
          const streamReader = reader.getReader();
          try {
            while (true) {
              const { done, value: chunk } = await streamReader.read();
              if (done) {
                break;
              }
              numberOfBytesReceived += chunk.length;
              if (numberOfBytesReceived > maxLength) {
                throw new error_1.DownloadLengthMismatchError("Max length reached");
              }
              await writeBufferToStream(fileStream, Buffer.from(chunk));
            }
          } finally {
            streamReader.releaseLock();
            await util_1.default.promisify(fileStream.close).bind(fileStream)();
          }
          return handler(tmpFile);
        });
      }
      // Download bytes from given URL.
      async downloadBytes(url, maxLength) {
        return this.downloadFile(url, maxLength, async (file) => {
          const stream = fs_1.default.createReadStream(file);
          const chunks = [];
          for await (const chunk of stream) {
            chunks.push(chunk);
          }
          return Buffer.concat(chunks);
        });
      }
    };
    exports.BaseFetcher = BaseFetcher2;
    var DefaultFetcher = class extends BaseFetcher2 {
      userAgent;
      timeout;
      retry;
      constructor(options2 = {}) {
        super();
        this.userAgent = options2.userAgent;
        this.timeout = options2.timeout;
        if (options2.retry === true) {
          this.retry = { forever: true };
        } else if (options2.retry === false || options2.retry === void 0) {
          this.retry = void 0;
        } else if (typeof options2.retry === "number") {
          if (options2.retry < 0) {
            throw new Error("Retry count must be non-negative number");
          }
          this.retry = { retries: options2.retry };
        } else {
          this.retry = options2.retry;
        }
      }
      async fetch(url) {
        const shouldRetry = this.retry !== void 0;
        return (0, promise_retry_1.promiseRetry)(async (retry, number) => {
          log("GET %s (attempt %d)", url, number);
          let response;
          try {
            response = await fetch(url, {
              headers: {
                [USER_AGENT_HEADER]: this.userAgent || ""
              },
              signal: this.timeout ? AbortSignal.timeout(this.timeout) : void 0
            });
          } catch (error) {
            const err = error instanceof Error ? error : new Error(String(error));
            if (shouldRetry) {
              return retry(err);
            }
            throw err;
          }
          if (!response.ok || !response.body) {
            const err = new error_1.DownloadHTTPError("Failed to download", response.status);
            if (shouldRetry && response.status >= 500 && response.status < 600) {
              return retry(err);
            }
            throw err;
          }
          return response.body;
        }, this.retry);
      }
    };
    exports.DefaultFetcher = DefaultFetcher;
    var writeBufferToStream = async (stream, buffer) => {
      return new Promise((resolve, reject) => {
        stream.write(buffer, (err) => {
          if (err) {
            reject(err);
          }
          resolve(true);
        });
      });
    };
  }
});

// node_modules/tuf-js/package.json
var require_package = __commonJS({
  "node_modules/tuf-js/package.json"(exports, module) {
    module.exports = {
      name: "tuf-js",
      version: "5.0.1",
      description: "JavaScript implementation of The Update Framework (TUF)",
      main: "dist/index.js",
      types: "dist/index.d.ts",
      scripts: {
        build: "tsc --build tsconfig.build.json",
        clean: "rm -rf dist && rm tsconfig.build.tsbuildinfo",
        test: "jest"
      },
      repository: {
        type: "git",
        url: "git+https://github.com/theupdateframework/tuf-js.git"
      },
      files: [
        "dist"
      ],
      keywords: [
        "tuf",
        "security",
        "update"
      ],
      author: "bdehamer@github.com",
      license: "MIT",
      bugs: {
        url: "https://github.com/theupdateframework/tuf-js/issues"
      },
      homepage: "https://github.com/theupdateframework/tuf-js/tree/main/packages/client#readme",
      devDependencies: {
        "@tufjs/repo-mock": "4.0.2",
        "@types/debug": "^4.1.13",
        "@types/retry": "^0.12.5"
      },
      dependencies: {
        "@tufjs/models": "4.1.1",
        debug: "^4.4.3",
        "@gar/promise-retry": "^1.0.3"
      },
      engines: {
        node: "^20.17.0 || >=22.9.0"
      }
    };
  }
});

// node_modules/tuf-js/dist/config.js
var require_config = __commonJS({
  "node_modules/tuf-js/dist/config.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.defaultConfig = void 0;
    exports.defaultConfig = {
      maxRootRotations: 256,
      maxDelegations: 32,
      rootMaxLength: 512e3,
      //bytes
      timestampMaxLength: 16384,
      // bytes
      snapshotMaxLength: 2e6,
      // bytes
      targetsMaxLength: 5e6,
      // bytes
      prefixTargetsWithHash: true,
      fetchTimeout: 1e5,
      // milliseconds
      fetchRetries: void 0,
      fetchRetry: 2,
      userAgent: ""
    };
  }
});

// node_modules/tuf-js/dist/store.js
var require_store = __commonJS({
  "node_modules/tuf-js/dist/store.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.TrustedMetadataStore = void 0;
    var models_1 = require_dist2();
    var error_1 = require_error2();
    var TrustedMetadataStore = class {
      trustedSet = {};
      referenceTime;
      constructor(rootData) {
        this.referenceTime = /* @__PURE__ */ new Date();
        this.loadTrustedRoot(rootData);
      }
      get root() {
        if (!this.trustedSet.root) {
          throw new ReferenceError("No trusted root metadata");
        }
        return this.trustedSet.root;
      }
      get timestamp() {
        return this.trustedSet.timestamp;
      }
      get snapshot() {
        return this.trustedSet.snapshot;
      }
      get targets() {
        return this.trustedSet.targets;
      }
      getRole(name) {
        return this.trustedSet[name];
      }
      updateRoot(bytesBuffer) {
        const data = JSON.parse(bytesBuffer.toString("utf8"));
        const newRoot = models_1.Metadata.fromJSON(models_1.MetadataKind.Root, data);
        if (newRoot.signed.type != models_1.MetadataKind.Root) {
          throw new error_1.RepositoryError(`Expected 'root', got ${newRoot.signed.type}`);
        }
        this.root.verifyDelegate(models_1.MetadataKind.Root, newRoot);
        if (newRoot.signed.version != this.root.signed.version + 1) {
          throw new error_1.BadVersionError(`Expected version ${this.root.signed.version + 1}, got ${newRoot.signed.version}`);
        }
        newRoot.verifyDelegate(models_1.MetadataKind.Root, newRoot);
        this.trustedSet.root = newRoot;
        return newRoot;
      }
      updateTimestamp(bytesBuffer) {
        if (this.snapshot) {
          throw new error_1.RuntimeError("Cannot update timestamp after snapshot");
        }
        if (this.root.signed.isExpired(this.referenceTime)) {
          throw new error_1.ExpiredMetadataError("Final root.json is expired");
        }
        const data = JSON.parse(bytesBuffer.toString("utf8"));
        const newTimestamp = models_1.Metadata.fromJSON(models_1.MetadataKind.Timestamp, data);
        if (newTimestamp.signed.type != models_1.MetadataKind.Timestamp) {
          throw new error_1.RepositoryError(`Expected 'timestamp', got ${newTimestamp.signed.type}`);
        }
        this.root.verifyDelegate(models_1.MetadataKind.Timestamp, newTimestamp);
        if (this.timestamp) {
          if (newTimestamp.signed.version < this.timestamp.signed.version) {
            throw new error_1.BadVersionError(`New timestamp version ${newTimestamp.signed.version} is less than current version ${this.timestamp.signed.version}`);
          }
          if (newTimestamp.signed.version === this.timestamp.signed.version) {
            throw new error_1.EqualVersionError(`New timestamp version ${newTimestamp.signed.version} is equal to current version ${this.timestamp.signed.version}`);
          }
          const snapshotMeta = this.timestamp.signed.snapshotMeta;
          const newSnapshotMeta = newTimestamp.signed.snapshotMeta;
          if (newSnapshotMeta.version < snapshotMeta.version) {
            throw new error_1.BadVersionError(`New snapshot version ${newSnapshotMeta.version} is less than current version ${snapshotMeta.version}`);
          }
        }
        this.trustedSet.timestamp = newTimestamp;
        this.checkFinalTimestamp();
        return newTimestamp;
      }
      updateSnapshot(bytesBuffer, trusted = false) {
        if (!this.timestamp) {
          throw new error_1.RuntimeError("Cannot update snapshot before timestamp");
        }
        if (this.targets) {
          throw new error_1.RuntimeError("Cannot update snapshot after targets");
        }
        this.checkFinalTimestamp();
        const snapshotMeta = this.timestamp.signed.snapshotMeta;
        if (!trusted) {
          snapshotMeta.verify(bytesBuffer);
        }
        const data = JSON.parse(bytesBuffer.toString("utf8"));
        const newSnapshot = models_1.Metadata.fromJSON(models_1.MetadataKind.Snapshot, data);
        if (newSnapshot.signed.type != models_1.MetadataKind.Snapshot) {
          throw new error_1.RepositoryError(`Expected 'snapshot', got ${newSnapshot.signed.type}`);
        }
        this.root.verifyDelegate(models_1.MetadataKind.Snapshot, newSnapshot);
        if (this.snapshot) {
          Object.entries(this.snapshot.signed.meta).forEach(([fileName, fileInfo]) => {
            const newFileInfo = newSnapshot.signed.meta[fileName];
            if (!newFileInfo) {
              throw new error_1.RepositoryError(`Missing file ${fileName} in new snapshot`);
            }
            if (newFileInfo.version < fileInfo.version) {
              throw new error_1.BadVersionError(`New version ${newFileInfo.version} of ${fileName} is less than current version ${fileInfo.version}`);
            }
          });
        }
        this.trustedSet.snapshot = newSnapshot;
        this.checkFinalSnapsnot();
        return newSnapshot;
      }
      updateDelegatedTargets(bytesBuffer, roleName, delegatorName) {
        if (!this.snapshot) {
          throw new error_1.RuntimeError("Cannot update delegated targets before snapshot");
        }
        this.checkFinalSnapsnot();
        const delegator = this.trustedSet[delegatorName];
        if (!delegator) {
          throw new error_1.RuntimeError(`No trusted ${delegatorName} metadata`);
        }
        const meta = this.snapshot.signed.meta?.[`${roleName}.json`];
        if (!meta) {
          throw new error_1.RepositoryError(`Missing ${roleName}.json in snapshot`);
        }
        meta.verify(bytesBuffer);
        const data = JSON.parse(bytesBuffer.toString("utf8"));
        const newDelegate = models_1.Metadata.fromJSON(models_1.MetadataKind.Targets, data);
        if (newDelegate.signed.type != models_1.MetadataKind.Targets) {
          throw new error_1.RepositoryError(`Expected 'targets', got ${newDelegate.signed.type}`);
        }
        delegator.verifyDelegate(roleName, newDelegate);
        const version = newDelegate.signed.version;
        if (version != meta.version) {
          throw new error_1.BadVersionError(`Version ${version} of ${roleName} does not match snapshot version ${meta.version}`);
        }
        if (newDelegate.signed.isExpired(this.referenceTime)) {
          throw new error_1.ExpiredMetadataError(`${roleName}.json is expired`);
        }
        this.trustedSet[roleName] = newDelegate;
      }
      // Verifies and loads data as trusted root metadata.
      // Note that an expired initial root is still considered valid.
      loadTrustedRoot(bytesBuffer) {
        const data = JSON.parse(bytesBuffer.toString("utf8"));
        const root = models_1.Metadata.fromJSON(models_1.MetadataKind.Root, data);
        if (root.signed.type != models_1.MetadataKind.Root) {
          throw new error_1.RepositoryError(`Expected 'root', got ${root.signed.type}`);
        }
        root.verifyDelegate(models_1.MetadataKind.Root, root);
        this.trustedSet["root"] = root;
      }
      checkFinalTimestamp() {
        if (!this.timestamp) {
          throw new ReferenceError("No trusted timestamp metadata");
        }
        if (this.timestamp.signed.isExpired(this.referenceTime)) {
          throw new error_1.ExpiredMetadataError("Final timestamp.json is expired");
        }
      }
      checkFinalSnapsnot() {
        if (!this.snapshot) {
          throw new ReferenceError("No trusted snapshot metadata");
        }
        if (!this.timestamp) {
          throw new ReferenceError("No trusted timestamp metadata");
        }
        if (this.snapshot.signed.isExpired(this.referenceTime)) {
          throw new error_1.ExpiredMetadataError("snapshot.json is expired");
        }
        const snapshotMeta = this.timestamp.signed.snapshotMeta;
        if (this.snapshot.signed.version !== snapshotMeta.version) {
          throw new error_1.BadVersionError("Snapshot version doesn't match timestamp");
        }
      }
    };
    exports.TrustedMetadataStore = TrustedMetadataStore;
  }
});

// node_modules/tuf-js/dist/utils/url.js
var require_url = __commonJS({
  "node_modules/tuf-js/dist/utils/url.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.join = join;
    var url_1 = __require("url");
    function join(base, path39) {
      return new url_1.URL(ensureTrailingSlash(base) + removeLeadingSlash(path39)).toString();
    }
    function ensureTrailingSlash(path39) {
      return path39.endsWith("/") ? path39 : path39 + "/";
    }
    function removeLeadingSlash(path39) {
      return path39.startsWith("/") ? path39.slice(1) : path39;
    }
  }
});

// node_modules/tuf-js/dist/updater.js
var require_updater = __commonJS({
  "node_modules/tuf-js/dist/updater.js"(exports) {
    "use strict";
    var __createBinding = exports && exports.__createBinding || (Object.create ? (function(o, m, k, k2) {
      if (k2 === void 0) k2 = k;
      var desc = Object.getOwnPropertyDescriptor(m, k);
      if (!desc || ("get" in desc ? !m.__esModule : desc.writable || desc.configurable)) {
        desc = { enumerable: true, get: function() {
          return m[k];
        } };
      }
      Object.defineProperty(o, k2, desc);
    }) : (function(o, m, k, k2) {
      if (k2 === void 0) k2 = k;
      o[k2] = m[k];
    }));
    var __setModuleDefault = exports && exports.__setModuleDefault || (Object.create ? (function(o, v) {
      Object.defineProperty(o, "default", { enumerable: true, value: v });
    }) : function(o, v) {
      o["default"] = v;
    });
    var __importStar = exports && exports.__importStar || /* @__PURE__ */ (function() {
      var ownKeys = function(o) {
        ownKeys = Object.getOwnPropertyNames || function(o2) {
          var ar = [];
          for (var k in o2) if (Object.prototype.hasOwnProperty.call(o2, k)) ar[ar.length] = k;
          return ar;
        };
        return ownKeys(o);
      };
      return function(mod) {
        if (mod && mod.__esModule) return mod;
        var result = {};
        if (mod != null) {
          for (var k = ownKeys(mod), i = 0; i < k.length; i++) if (k[i] !== "default") __createBinding(result, mod, k[i]);
        }
        __setModuleDefault(result, mod);
        return result;
      };
    })();
    var __importDefault = exports && exports.__importDefault || function(mod) {
      return mod && mod.__esModule ? mod : { "default": mod };
    };
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.Updater = void 0;
    var models_1 = require_dist2();
    var debug_1 = __importDefault(require_src());
    var fs35 = __importStar(__require("fs"));
    var path39 = __importStar(__require("path"));
    var package_json_1 = require_package();
    var config_1 = require_config();
    var error_1 = require_error2();
    var fetcher_1 = require_fetcher();
    var store_1 = require_store();
    var url = __importStar(require_url());
    var log = (0, debug_1.default)("tuf:cache");
    var Updater2 = class {
      dir;
      metadataBaseUrl;
      targetDir;
      targetBaseUrl;
      forceCache;
      trustedSet;
      config;
      fetcher;
      constructor(options2) {
        const { metadataDir, metadataBaseUrl, targetDir, targetBaseUrl, fetcher, config } = options2;
        this.dir = metadataDir;
        this.metadataBaseUrl = metadataBaseUrl;
        this.targetDir = targetDir;
        this.targetBaseUrl = targetBaseUrl;
        this.forceCache = options2.forceCache ?? false;
        const data = this.loadLocalMetadata(models_1.MetadataKind.Root);
        this.trustedSet = new store_1.TrustedMetadataStore(data);
        this.config = { ...config_1.defaultConfig, ...config };
        const userAgent = config?.userAgent ? `${config.userAgent} tuf-js/${package_json_1.version}` : `tuf-js/${package_json_1.version}`;
        this.fetcher = fetcher || new fetcher_1.DefaultFetcher({
          userAgent,
          timeout: this.config.fetchTimeout,
          retry: this.config.fetchRetries ?? this.config.fetchRetry
        });
      }
      // refresh and load the metadata before downloading the target
      // refresh should be called once after the client is initialized
      async refresh() {
        if (this.forceCache) {
          try {
            await this.loadTimestamp({ checkRemote: false });
          } catch (error) {
            await this.loadRoot();
            await this.loadTimestamp();
          }
        } else {
          await this.loadRoot();
          await this.loadTimestamp();
        }
        await this.loadSnapshot();
        await this.loadTargets(models_1.MetadataKind.Targets, models_1.MetadataKind.Root);
      }
      // Returns the TargetFile instance with information for the given target path.
      //
      // Implicitly calls refresh if it hasn't already been called.
      async getTargetInfo(targetPath) {
        if (!this.trustedSet.targets) {
          await this.refresh();
        }
        return this.preorderDepthFirstWalk(targetPath);
      }
      async downloadTarget(targetInfo, filePath, targetBaseUrl) {
        const targetPath = filePath || this.generateTargetPath(targetInfo);
        if (!targetBaseUrl) {
          if (!this.targetBaseUrl) {
            throw new error_1.ValueError("Target base URL not set");
          }
          targetBaseUrl = this.targetBaseUrl;
        }
        let targetFilePath = targetInfo.path;
        const consistentSnapshot = this.trustedSet.root.signed.consistentSnapshot;
        if (consistentSnapshot && this.config.prefixTargetsWithHash) {
          const hashes = Object.values(targetInfo.hashes);
          const { dir, base } = path39.parse(targetFilePath);
          const filename = `${hashes[0]}.${base}`;
          targetFilePath = dir ? `${dir}/${filename}` : filename;
        }
        const targetUrl = url.join(targetBaseUrl, targetFilePath);
        await this.fetcher.downloadFile(targetUrl, targetInfo.length, async (fileName) => {
          await targetInfo.verify(fs35.createReadStream(fileName));
          log("WRITE %s", targetPath);
          fs35.copyFileSync(fileName, targetPath);
        });
        return targetPath;
      }
      async findCachedTarget(targetInfo, filePath) {
        if (!filePath) {
          filePath = this.generateTargetPath(targetInfo);
        }
        try {
          if (fs35.existsSync(filePath)) {
            await targetInfo.verify(fs35.createReadStream(filePath));
            return filePath;
          }
        } catch (error) {
          return;
        }
        return;
      }
      loadLocalMetadata(fileName) {
        const filePath = path39.join(this.dir, `${fileName}.json`);
        log("READ %s", filePath);
        return fs35.readFileSync(filePath);
      }
      // Sequentially load and persist on local disk every newer root metadata
      // version available on the remote.
      // Client workflow 5.3: update root role
      async loadRoot() {
        const rootVersion2 = this.trustedSet.root.signed.version;
        const lowerBound = rootVersion2 + 1;
        const upperBound = lowerBound + this.config.maxRootRotations;
        for (let version = lowerBound; version < upperBound; version++) {
          const rootUrl = url.join(this.metadataBaseUrl, `${version}.root.json`);
          try {
            const bytesData = await this.fetcher.downloadBytes(rootUrl, this.config.rootMaxLength);
            this.trustedSet.updateRoot(bytesData);
            this.persistMetadata(models_1.MetadataKind.Root, bytesData);
          } catch (error) {
            if (error instanceof error_1.DownloadHTTPError) {
              if ([403, 404].includes(error.statusCode)) {
                break;
              }
            }
            throw error;
          }
        }
      }
      // Load local and remote timestamp metadata.
      // Client workflow 5.4: update timestamp role
      async loadTimestamp({ checkRemote } = { checkRemote: true }) {
        try {
          const data = this.loadLocalMetadata(models_1.MetadataKind.Timestamp);
          this.trustedSet.updateTimestamp(data);
          if (!checkRemote) {
            return;
          }
        } catch (error) {
        }
        const timestampUrl = url.join(this.metadataBaseUrl, "timestamp.json");
        const bytesData = await this.fetcher.downloadBytes(timestampUrl, this.config.timestampMaxLength);
        try {
          this.trustedSet.updateTimestamp(bytesData);
        } catch (error) {
          if (error instanceof error_1.EqualVersionError) {
            return;
          }
          throw error;
        }
        this.persistMetadata(models_1.MetadataKind.Timestamp, bytesData);
      }
      // Load local and remote snapshot metadata.
      // Client workflow 5.5: update snapshot role
      async loadSnapshot() {
        try {
          const data = this.loadLocalMetadata(models_1.MetadataKind.Snapshot);
          this.trustedSet.updateSnapshot(data, true);
        } catch (error) {
          if (!this.trustedSet.timestamp) {
            throw new ReferenceError("No timestamp metadata", { cause: error });
          }
          const snapshotMeta = this.trustedSet.timestamp.signed.snapshotMeta;
          const maxLength = snapshotMeta.length || this.config.snapshotMaxLength;
          const version = this.trustedSet.root.signed.consistentSnapshot ? snapshotMeta.version : void 0;
          const snapshotUrl = url.join(this.metadataBaseUrl, version ? `${version}.snapshot.json` : "snapshot.json");
          try {
            const bytesData = await this.fetcher.downloadBytes(snapshotUrl, maxLength);
            this.trustedSet.updateSnapshot(bytesData);
            this.persistMetadata(models_1.MetadataKind.Snapshot, bytesData);
          } catch (error2) {
            throw new error_1.RuntimeError(`Unable to load snapshot metadata error ${error2}`);
          }
        }
      }
      // Load local and remote targets metadata.
      // Client workflow 5.6: update targets role
      async loadTargets(role, parentRole) {
        if (this.trustedSet.getRole(role)) {
          return this.trustedSet.getRole(role);
        }
        try {
          const buffer = this.loadLocalMetadata(role);
          this.trustedSet.updateDelegatedTargets(buffer, role, parentRole);
        } catch (error) {
          if (!this.trustedSet.snapshot) {
            throw new ReferenceError("No snapshot metadata", { cause: error });
          }
          const metaInfo = this.trustedSet.snapshot.signed.meta[`${role}.json`];
          const maxLength = metaInfo.length || this.config.targetsMaxLength;
          const version = this.trustedSet.root.signed.consistentSnapshot ? metaInfo.version : void 0;
          const encodedRole = encodeURIComponent(role);
          const metadataUrl = url.join(this.metadataBaseUrl, version ? `${version}.${encodedRole}.json` : `${encodedRole}.json`);
          try {
            const bytesData = await this.fetcher.downloadBytes(metadataUrl, maxLength);
            this.trustedSet.updateDelegatedTargets(bytesData, role, parentRole);
            this.persistMetadata(role, bytesData);
          } catch (error2) {
            throw new error_1.RuntimeError(`Unable to load targets error ${error2}`);
          }
        }
        return this.trustedSet.getRole(role);
      }
      async preorderDepthFirstWalk(targetPath) {
        const delegationsToVisit = [
          {
            roleName: models_1.MetadataKind.Targets,
            parentRoleName: models_1.MetadataKind.Root
          }
        ];
        const visitedRoleNames = /* @__PURE__ */ new Set();
        while (visitedRoleNames.size <= this.config.maxDelegations && delegationsToVisit.length > 0) {
          const { roleName, parentRoleName } = delegationsToVisit.pop();
          if (visitedRoleNames.has(roleName)) {
            continue;
          }
          const targets = (await this.loadTargets(roleName, parentRoleName))?.signed;
          if (!targets) {
            continue;
          }
          const target = targets.targets?.[targetPath];
          if (target) {
            return target;
          }
          visitedRoleNames.add(roleName);
          if (targets.delegations) {
            const childRolesToVisit = [];
            const rolesForTarget = targets.delegations.rolesForTarget(targetPath);
            for (const { role: childName, terminating } of rolesForTarget) {
              childRolesToVisit.push({
                roleName: childName,
                parentRoleName: roleName
              });
              if (terminating) {
                delegationsToVisit.splice(0);
                break;
              }
            }
            childRolesToVisit.reverse();
            delegationsToVisit.push(...childRolesToVisit);
          }
        }
        return;
      }
      generateTargetPath(targetInfo) {
        if (!this.targetDir) {
          throw new error_1.ValueError("Target directory not set");
        }
        const filePath = encodeURIComponent(targetInfo.path);
        return path39.join(this.targetDir, filePath);
      }
      persistMetadata(metaDataName, bytesData) {
        const encodedName = encodeURIComponent(metaDataName);
        try {
          const filePath = path39.join(this.dir, `${encodedName}.json`);
          log("WRITE %s", filePath);
          fs35.writeFileSync(filePath, bytesData.toString("utf8"));
        } catch (error) {
          throw new error_1.PersistError(`Failed to persist metadata ${encodedName} error: ${error}`);
        }
      }
    };
    exports.Updater = Updater2;
  }
});

// node_modules/tuf-js/dist/index.js
var require_dist3 = __commonJS({
  "node_modules/tuf-js/dist/index.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.Updater = exports.BaseFetcher = exports.TargetFile = void 0;
    var models_1 = require_dist2();
    Object.defineProperty(exports, "TargetFile", { enumerable: true, get: function() {
      return models_1.TargetFile;
    } });
    var fetcher_1 = require_fetcher();
    Object.defineProperty(exports, "BaseFetcher", { enumerable: true, get: function() {
      return fetcher_1.BaseFetcher;
    } });
    var updater_1 = require_updater();
    Object.defineProperty(exports, "Updater", { enumerable: true, get: function() {
      return updater_1.Updater;
    } });
  }
});

// src/cli/main.ts
init_errors();

// src/cli/commands/apply.ts
init_errors();
import path25 from "node:path";

// src/pipeline/apply.ts
import { promises as fs19 } from "node:fs";

// src/core/documents.ts
var import_semver = __toESM(require_semver2(), 1);
init_errors();
init_types();
init_yaml_text();
var CHANGE_TYPES = ["security", "bug", "improvement", "feature"];
var SEVERITIES = ["critical", "high", "medium", "low"];
var Reader = class {
  constructor(label) {
    this.label = label;
  }
  label;
  fail(field, why) {
    throw badInput(`${this.label}: ${field} ${why}`);
  }
  obj(v, field) {
    if (typeof v !== "object" || v === null || Array.isArray(v))
      this.fail(field, "must be an object");
    return v;
  }
  arr(v, field) {
    if (!Array.isArray(v)) this.fail(field, "must be a list");
    return v;
  }
  str(v, field, pattern) {
    if (typeof v !== "string" || v === "")
      this.fail(field, `must be a non-empty string (got ${shown(v)})`);
    if (pattern && !pattern.test(v)) this.fail(field, `is not valid (got ${shown(v)})`);
    return v;
  }
  optStr(v, field) {
    return v === void 0 ? void 0 : this.str(v, field);
  }
  int(v, field, min = 0) {
    if (typeof v !== "number" || !Number.isSafeInteger(v) || v < min) {
      this.fail(field, `must be an integer \u2265 ${min} (got ${shown(v)})`);
    }
    return v;
  }
  oneOf(v, field, values) {
    if (typeof v !== "string" || !values.includes(v))
      this.fail(field, `must be one of ${values.join(", ")} (got ${shown(v)})`);
    return v;
  }
  sha(v, field) {
    const s = this.str(v, field);
    if (!/^[0-9a-f]{64}$/.test(s))
      this.fail(field, `must be a sha256 (64 lower-case hex digits, got ${shown(s)})`);
    return s;
  }
  path(v, field) {
    const p = this.str(v, field);
    if (!isSafeRelativePath(p)) this.fail(field, `is not a safe relative path (got ${shown(p)})`);
    return p;
  }
  date(v, field) {
    const s = this.str(v, field);
    if (!ISO_DATE.test(s) || Number.isNaN(Date.parse(s)))
      this.fail(field, `must be an ISO-8601 date like 2026-01-31T12:00:00Z (got ${shown(s)})`);
    return s;
  }
  name(v, field) {
    const s = this.str(v, field);
    if (!NAME.test(s))
      this.fail(field, `must be lower-case letters, digits, . _ - (got ${shown(s)})`);
    return s;
  }
  version(v, field) {
    const s = this.str(v, field);
    if (import_semver.default.valid(s) !== s) this.fail(field, `must be a semver version (got ${shown(s)})`);
    return s;
  }
  schema(o) {
    if (typeof o.schema === "number" && o.schema > 1)
      this.fail("schema", `${o.schema} is newer than this uplevel reads (1): update uplevel`);
    if (o.schema !== 1) this.fail("schema", `must be 1 (got ${shown(o.schema)})`);
    return 1;
  }
};
function shown(v) {
  const s = v === void 0 ? "nothing" : JSON.stringify(v) ?? String(v);
  return s.length > 80 ? `${s.slice(0, 77)}\u2026` : s;
}
var NAME = /^[a-z0-9][a-z0-9._-]*$/;
var ISO_DATE = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2}))?$/;
function isSafeRelativePath(p) {
  if (p.startsWith("/") || p.includes("\\") || /^[A-Za-z]:/.test(p) || /[\x00-\x1f]/.test(p))
    return false;
  return p.split("/").every((s) => s !== "" && s !== "." && s !== "..");
}
var CVE = /^CVE-\d{4}-\d{4,}$/;
var ID = /^[A-Za-z0-9][A-Za-z0-9._:-]*$/;
function parseChange(r, v, field) {
  const o = r.obj(v, field);
  const change = {
    // `id: 1234` in CHANGES.yml is a number to YAML; it is meant as text.
    id: r.str(Number.isSafeInteger(o.id) ? String(o.id) : o.id, `${field}.id`, ID),
    type: r.oneOf(o.type, `${field}.type`, CHANGE_TYPES),
    title: r.str(o.title, `${field}.title`)
  };
  if (o.severity !== void 0)
    change.severity = r.oneOf(o.severity, `${field}.severity`, SEVERITIES);
  if (o.cves !== void 0) {
    change.cves = r.arr(o.cves, `${field}.cves`).map((c, i) => r.str(c, `${field}.cves[${i}]`, CVE));
  }
  const description = r.optStr(o.description, `${field}.description`);
  if (description !== void 0) change.description = description;
  if (o.components !== void 0) {
    change.components = r.arr(o.components, `${field}.components`).map((c, i) => r.str(c, `${field}.components[${i}]`));
  }
  return change;
}
function parseChanges(r, v, field) {
  const list = r.arr(v, field).map((c, i) => parseChange(r, c, `${field}[${i}]`));
  const ids = /* @__PURE__ */ new Set();
  for (const c of list) {
    if (ids.has(c.id)) r.fail(field, `lists change ${c.id} twice`);
    ids.add(c.id);
  }
  return list;
}
function parseFile(r, v, field) {
  const o = r.obj(v, field);
  const mode = r.int(o.mode, `${field}.mode`);
  if (mode > 4095) r.fail(`${field}.mode`, "must be permission bits (\u2264 0o7777)");
  return {
    path: r.path(o.path, `${field}.path`),
    sha256: r.sha(o.sha256, `${field}.sha256`),
    size: r.int(o.size, `${field}.size`),
    mode
  };
}
function parseUpdateManifest(json, label, minLevel = 1) {
  const r = new Reader(label);
  const o = r.obj(json, "document");
  const files = r.obj(o.files, "files");
  const manifest = {
    schema: r.schema(o),
    product: r.name(o.product, "product"),
    version: r.version(o.version, "version"),
    channel: r.name(o.channel, "channel"),
    level: r.int(o.level, "level", minLevel),
    released: r.date(o.released, "released"),
    changes: parseChanges(r, o.changes, "changes"),
    files: {
      added: r.arr(files.added, "files.added").map((f, i) => parseFile(r, f, `files.added[${i}]`)),
      modified: r.arr(files.modified, "files.modified").map((f, i) => {
        const field = `files.modified[${i}]`;
        const fo = r.obj(f, field);
        const entry = {
          ...parseFile(r, f, field),
          replaces: r.sha(fo.replaces, `${field}.replaces`)
        };
        if (fo.hasBase !== void 0) {
          if (typeof fo.hasBase !== "boolean") r.fail(`${field}.hasBase`, "must be true or false");
          entry.hasBase = fo.hasBase;
        }
        return entry;
      }),
      removed: r.arr(files.removed, "files.removed").map((f, i) => {
        const fo = r.obj(f, `files.removed[${i}]`);
        return {
          path: r.path(fo.path, `files.removed[${i}].path`),
          sha256: r.sha(fo.sha256, `files.removed[${i}].sha256`)
        };
      })
    }
  };
  const seen = /* @__PURE__ */ new Set();
  const all = [...manifest.files.added, ...manifest.files.modified, ...manifest.files.removed];
  for (const f of all) {
    if (seen.has(f.path)) r.fail("files", `list ${shown(f.path)} more than once`);
    if (f.path === PACK_STATE_PATH)
      r.fail("files", `list ${PACK_STATE_PATH}, which is uplevel's own record of the pack`);
    seen.add(f.path);
  }
  if (o.from !== void 0) {
    manifest.from = r.int(o.from, "from");
    if (manifest.from >= manifest.level) r.fail("from", `must be below level ${manifest.level}`);
  }
  if (o.includesHotfixes !== void 0) {
    manifest.includesHotfixes = r.arr(o.includesHotfixes, "includesHotfixes").map((h, i) => r.str(h, `includesHotfixes[${i}]`, ID));
  }
  return manifest;
}
function parseRepositoryIndex(json, label) {
  const r = new Reader(label);
  const o = r.obj(json, "document");
  const index = {
    schema: r.schema(o),
    product: r.name(o.product, "product"),
    version: r.version(o.version, "version"),
    channels: {}
  };
  if (o.pack !== void 0) {
    const p = r.obj(o.pack, "pack");
    index.pack = {
      target: r.path(p.target, "pack.target"),
      sha256: r.sha(p.sha256, "pack.sha256"),
      size: r.int(p.size, "pack.size")
    };
    if (p.manifest !== void 0) index.pack.manifest = r.path(p.manifest, "pack.manifest");
  }
  const channels = r.obj(o.channels, "channels");
  for (const [name, ch] of Object.entries(channels)) {
    const field = `channels.${r.name(name, "channels key")}`;
    const levels = r.arr(r.obj(ch, field).levels, `${field}.levels`).map((l, i) => {
      const f = `${field}.levels[${i}]`;
      const lo = r.obj(l, f);
      return {
        level: r.int(lo.level, `${f}.level`, 1),
        released: r.date(lo.released, `${f}.released`),
        target: r.path(lo.target, `${f}.target`),
        sha256: r.sha(lo.sha256, `${f}.sha256`),
        size: r.int(lo.size, `${f}.size`),
        changes: parseChanges(r, lo.changes, `${f}.changes`)
      };
    });
    levels.forEach((l, i) => {
      if (l.level !== i + 1)
        r.fail(`${field}.levels[${i}].level`, `must be ${i + 1} (levels run 1..N in order)`);
    });
    index.channels[name] = { levels };
  }
  return index;
}
function parsePackManifest(json, label) {
  const r = new Reader(label);
  const o = r.obj(json, "document");
  r.schema(o);
  const files = {};
  for (const [p, v] of Object.entries(r.obj(o.files, "files"))) {
    r.path(p, "files key");
    const f = r.obj(v, `files.${p}`);
    files[p] = {
      sha256: r.sha(f.sha256, `files.${p}.sha256`),
      size: r.int(f.size, `files.${p}.size`),
      crc32: r.int(f.crc32, `files.${p}.crc32`)
    };
  }
  return {
    schema: 1,
    product: r.name(o.product, "product"),
    version: r.version(o.version, "version"),
    files
  };
}
function parsePackState(json, label) {
  const r = new Reader(label);
  const o = r.obj(json, "document");
  r.schema(o);
  const files = {};
  for (const [p, sha] of Object.entries(r.obj(o.files, "files"))) {
    r.path(p, `files key`);
    files[p] = r.sha(sha, `files.${p}`);
  }
  return {
    schema: 1,
    product: r.name(o.product, "product"),
    version: r.version(o.version, "version"),
    channel: r.name(o.channel, "channel"),
    level: r.int(o.level, "level"),
    updates: r.arr(o.updates, "updates").map((u, i) => {
      const uo = r.obj(u, `updates[${i}]`);
      return {
        level: r.int(uo.level, `updates[${i}].level`, 1),
        sha256: r.sha(uo.sha256, `updates[${i}].sha256`)
      };
    }),
    hotfixes: r.arr(o.hotfixes, "hotfixes").map((h, i) => {
      const ho = r.obj(h, `hotfixes[${i}]`);
      return {
        id: r.str(ho.id, `hotfixes[${i}].id`, ID),
        sha256: r.sha(ho.sha256, `hotfixes[${i}].sha256`)
      };
    }),
    files
  };
}
function parseChangesYaml(text, label) {
  const value = parseYamlDocument(text, label).toJS();
  if (value === null || value === void 0) return [];
  return parseChanges(new Reader(label), value, "changes");
}
function parseHotfixManifest(json, label) {
  const r = new Reader(label);
  const o = r.obj(json, "document");
  const id = r.str(o.id, "id", ID);
  const m = parseUpdateManifest(json, label, 0);
  if (m.from !== void 0) r.fail("from", "is not allowed in a hotfix");
  return { ...m, id };
}

// src/core/hash.ts
import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";
function sha256(data) {
  return createHash("sha256").update(data).digest("hex");
}
async function sha256File(file) {
  const h = createHash("sha256");
  for await (const chunk of createReadStream(file, { highWaterMark: 1 << 20 }))
    h.update(chunk);
  return h.digest("hex");
}

// src/pipeline/apply.ts
init_errors();

// src/pipeline/apply-report.ts
init_errors();
var ApplyConflictError = class extends UplevelError {
  constructor(message, details, report, overlayFiles) {
    super(ExitCode.conflict, message, details);
    this.report = report;
    this.overlayFiles = overlayFiles;
  }
  report;
  overlayFiles;
};

// src/pipeline/wso2/apply-wso2.ts
init_errors();
init_lock();
import { promises as fs11 } from "node:fs";
import os2 from "node:os";
import path12 from "node:path";

// src/core/changelog.ts
var CHANGE_TYPE_ORDER = [
  "security",
  "bug",
  "improvement",
  "feature"
];
var TYPE_TITLE = {
  security: "Security fixes",
  bug: "Bug fixes",
  improvement: "Improvements",
  feature: "New features"
};
var COUNTED = {
  security: ["security fix", "security fixes"],
  bug: ["bug fix", "bug fixes"],
  improvement: ["improvement", "improvements"],
  feature: ["new feature", "new features"]
};
var SEVERITY_ORDER = ["critical", "high", "medium", "low"];
var CVE2 = /^CVE-\d{4}-\d{4,}$/;
function collectChanges(levels, from, to) {
  return [...levels].filter((l) => l.level > from && l.level <= to).sort((a, b) => a.level - b.level).flatMap((l) => l.changes.map((c) => ({ ...c, level: l.level })));
}
function maxSeverity(changes) {
  let best;
  for (const c of changes) {
    if (!c.severity) continue;
    const i = SEVERITY_ORDER.indexOf(c.severity);
    if (i >= 0 && (best === void 0 || i < best)) best = i;
  }
  return best === void 0 ? void 0 : SEVERITY_ORDER[best];
}
function escapeMarkdown(text) {
  return text.replace(/\s*(\r\n?|\n)\s*/g, " ").replace(/[\\`*_[\]<>|~#]/g, (c) => `\\${c}`).replace(/^(\s*)([-+=])/, "$1\\$2").replace(/^(\s*\d+)([.)])(?=\s|$)/, "$1\\$2").replace(/(^|[^\w])@(?=\w)/g, "$1@\u200B");
}
var cveUrl = (id) => `https://www.cve.org/CVERecord?id=${encodeURIComponent(id)}`;
var cveLink = (id) => CVE2.test(id) ? `[${id}](${cveUrl(id)})` : escapeMarkdown(id);
function sevRank(c) {
  const i = c.severity ? SEVERITY_ORDER.indexOf(c.severity) : -1;
  return i < 0 ? SEVERITY_ORDER.length : i;
}
function summaryLine(changes) {
  const parts = CHANGE_TYPE_ORDER.flatMap((t) => {
    const n = changes.filter((c) => c.type === t).length;
    return n === 0 ? [] : [`${n} ${COUNTED[t][n === 1 ? 0 : 1]}`];
  });
  const worst = maxSeverity(changes);
  return `${parts.join(", ")}${worst ? ` (highest severity: ${worst})` : ""}.`;
}
function renderChangelogMarkdown(product, version, from, to, levels) {
  const changes = collectChanges(levels, from, to);
  const lines = [
    `# ${escapeMarkdown(product)} ${escapeMarkdown(version)}: level ${from} \u2192 ${to}`,
    ""
  ];
  lines.push(changes.length === 0 ? "No changes." : summaryLine(changes), "");
  for (const type of CHANGE_TYPE_ORDER) {
    const ofType = changes.filter((c) => c.type === type);
    if (ofType.length === 0) continue;
    lines.push(`## ${TYPE_TITLE[type]}`, "");
    const sorted = type === "security" ? [...ofType].sort((a, b) => sevRank(a) - sevRank(b) || a.level - b.level) : ofType;
    for (const c of sorted) {
      const parts = [`**${escapeMarkdown(c.id)}**`];
      if (c.severity) parts.push(`(${escapeMarkdown(c.severity)})`);
      parts.push(escapeMarkdown(c.title));
      let line = `- ${parts.join(" ")} \u2014 level ${c.level}`;
      if (c.cves?.length) line += `; ${c.cves.map(cveLink).join(", ")}`;
      lines.push(line);
      if (c.description) lines.push(`  ${escapeMarkdown(c.description)}`);
    }
    lines.push("");
  }
  return lines.join("\n");
}
function renderChangelogJson(product, version, from, to, levels) {
  const changes = collectChanges(levels, from, to);
  const count = (t) => changes.filter((c) => c.type === t).length;
  const severity = maxSeverity(changes);
  return {
    product,
    version,
    from,
    to,
    summary: {
      security: count("security"),
      bug: count("bug"),
      improvement: count("improvement"),
      feature: count("feature"),
      ...severity ? { maxSeverity: severity } : {}
    },
    changes
  };
}

// src/core/wso2-changelog.ts
var LIST_LIMIT = 200;
function renderWso2Changelog(c) {
  const lines = [
    `# ${escapeMarkdown(c.product)} ${escapeMarkdown(c.version)}: WSO2 update level ${c.from} \u2192 ${c.to}`,
    ""
  ];
  const { added, modified, removed } = c.files;
  lines.push(
    c.from === c.to ? "No changes." : `${added.length} file(s) added, ${modified.length} modified, ${removed.length} removed by the WSO2 update tool.`,
    ""
  );
  for (const [title, list] of [
    ["Added", added],
    ["Modified", modified],
    ["Removed", removed]
  ]) {
    if (!list.length) continue;
    lines.push(`## ${title}`, "");
    for (const p of list.slice(0, LIST_LIMIT)) lines.push(`- \`${p.replace(/`/g, "'")}\``);
    if (list.length > LIST_LIMIT) lines.push(`- \u2026 and ${list.length - LIST_LIMIT} more`);
    lines.push("");
  }
  for (const n of c.notes) {
    const fence = "`".repeat(
      Math.max(3, ...[...n.text.matchAll(/`+/g)].map((m) => m[0].length + 1))
    );
    lines.push(`## WSO2 notes: \`${n.file}\``, "", `${fence}text`, n.text.trimEnd(), fence, "");
  }
  return lines.join("\n");
}

// src/zip/crc32.ts
import zlib from "node:zlib";
var native = zlib.crc32;
var TABLES = (() => {
  const t = [];
  const t0 = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 3988292384 ^ c >>> 1 : c >>> 1;
    t0[n] = c >>> 0;
  }
  t.push(t0);
  for (let i = 1; i < 8; i++) {
    const prev = t[i - 1];
    const ti = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      const p = prev[n];
      ti[n] = (p >>> 8 ^ t0[p & 255]) >>> 0;
    }
    t.push(ti);
  }
  return t;
})();
function crc32Js(data, prev = 0) {
  const [t0, t1, t2, t3, t4, t5, t6, t7] = TABLES;
  let c = ~prev >>> 0;
  let i = 0;
  const n = data.length;
  for (; i + 8 <= n; i += 8) {
    const a = (c ^ (data[i] | data[i + 1] << 8 | data[i + 2] << 16 | data[i + 3] << 24)) >>> 0;
    c = (t7[a & 255] ^ t6[a >>> 8 & 255] ^ t5[a >>> 16 & 255] ^ t4[a >>> 24] ^ t3[data[i + 4]] ^ t2[data[i + 5]] ^ t1[data[i + 6]] ^ t0[data[i + 7]]) >>> 0;
  }
  for (; i < n; i++) c = (t0[(c ^ data[i]) & 255] ^ c >>> 8) >>> 0;
  return ~c >>> 0;
}
function crc32(data, prev = 0) {
  return native ? native(data, prev) >>> 0 : crc32Js(data, prev);
}

// src/zip/reader.ts
var import_yauzl = __toESM(require_yauzl(), 1);
init_errors();
import { createReadStream as createReadStream2, promises as fsp } from "node:fs";
import { Readable, Transform } from "node:stream";
import { createInflateRaw } from "node:zlib";

// src/zip/slabs.ts
var MIN_SLAB = 64 << 10;
var KEEP_IDLE = 4;
var idle = /* @__PURE__ */ new Map();
var Slab = class _Slab {
  constructor(buf) {
    this.buf = buf;
  }
  buf;
  refs = 1;
  /** A slab of at least `size` bytes (a power of two, so slabs of one size serve many). */
  static take(size) {
    let cap = MIN_SLAB;
    while (cap < size) cap *= 2;
    const free = idle.get(cap);
    return new _Slab(free?.pop() ?? Buffer.allocUnsafe(cap));
  }
  /** Bytes [start, end) of the slab, held until released. */
  lease(start, end) {
    this.refs++;
    let held = true;
    return {
      data: this.buf.subarray(start, end),
      release: () => {
        if (!held) return;
        held = false;
        this.release();
      }
    };
  }
  /** The creator's hold; the slab is reused once every lease is released too. */
  release() {
    if (--this.refs > 0) return;
    if (this.refs < 0) throw new Error("bug: a slab was released twice");
    const free = idle.get(this.buf.length) ?? [];
    if (free.length < KEEP_IDLE) free.push(this.buf);
    idle.set(this.buf.length, free);
  }
};

// src/zip/validate.ts
init_errors();
var S_IFMT = 61440;
var S_IFREG = 32768;
var S_IFDIR = 16384;
var S_IFLNK = 40960;
var HOST_UNIX = 3;
var HOST_OSX = 19;
var RATIO_FLOOR = 1024 * 1024;
var utf8 = new TextDecoder("utf-8", { fatal: true });
function validateEntry(raw, label, limits) {
  const rawName = raw.fileName;
  const name = decodeName(rawName, raw.generalPurposeBitFlag, label);
  validateName(name, label);
  checkUnicodePathField(raw, name, label);
  const isDirectory = name.endsWith("/");
  const high = raw.externalFileAttributes >>> 16;
  const host = raw.versionMadeBy >> 8;
  const mode = host === HOST_UNIX || host === HOST_OSX || (high & S_IFMT) !== 0 ? high : 0;
  const type = mode & S_IFMT;
  if (type === S_IFLNK) throw badInput(`${label}: ${name} is a symbolic link`);
  if (type !== 0 && type !== S_IFREG && type !== S_IFDIR)
    throw badInput(`${label}: ${name} is not a regular file or folder`);
  if (type !== 0 && type === S_IFDIR !== isDirectory)
    throw badInput(`${label}: ${name}: folder flag and name disagree`);
  if (raw.generalPurposeBitFlag & 1) throw badInput(`${label}: ${name} is encrypted`);
  if (raw.compressionMethod !== 0 && raw.compressionMethod !== 8) {
    throw badInput(
      `${label}: ${name} uses unsupported compression method ${raw.compressionMethod}`
    );
  }
  if (isDirectory && raw.uncompressedSize !== 0)
    throw badInput(`${label}: folder ${name} has content`);
  if (raw.uncompressedSize > limits.maxEntrySize) {
    throw badInput(
      `${label}: ${name} declares ${raw.uncompressedSize} bytes, more than the limit of ${limits.maxEntrySize}`
    );
  }
  if (raw.uncompressedSize > RATIO_FLOOR && raw.uncompressedSize / Math.max(raw.compressedSize, 1) > limits.maxRatio) {
    throw badInput(
      `${label}: ${name} has a compression ratio above ${limits.maxRatio} (a zip bomb?)`
    );
  }
  return {
    info: {
      name,
      isDirectory,
      compressionMethod: raw.compressionMethod,
      crc32: raw.crc32 >>> 0,
      compressedSize: raw.compressedSize,
      uncompressedSize: raw.uncompressedSize,
      mode,
      dosDate: raw.lastModFileDate,
      dosTime: raw.lastModFileTime,
      generalPurposeBitFlag: raw.generalPurposeBitFlag
    },
    rawName,
    localHeaderOffset: raw.relativeOffsetOfLocalHeader,
    limit: 0
  };
}
function decodeName(bytes, flags, label) {
  if (bytes.length === 0) throw badInput(`${label}: an entry has an empty name`);
  if (bytes.length > 4096) throw badInput(`${label}: an entry name is longer than 4096 bytes`);
  if (flags & 2048) {
    try {
      return utf8.decode(bytes);
    } catch {
      throw badInput(`${label}: entry name is not valid UTF-8 (${printable(bytes)})`);
    }
  }
  for (const b of bytes) {
    if (b < 32 || b > 126) {
      throw badInput(
        `${label}: entry name is not plain ASCII and not flagged as UTF-8 (${printable(bytes)})`
      );
    }
  }
  return bytes.toString("latin1");
}
function printable(bytes) {
  return JSON.stringify(bytes.toString("latin1").replace(/[^\x20-\x7e]/g, "?"));
}
function validateName(name, label) {
  const bad = (why) => badInput(`${label}: entry ${JSON.stringify(name)} ${why}`);
  if (/[\x00-\x1f\x7f]/.test(name)) throw bad("has control characters");
  if (name.includes("\\")) throw bad("has a backslash");
  if (name.startsWith("/") || /^[A-Za-z]:/.test(name)) throw bad("is an absolute path");
  const segments = (name.endsWith("/") ? name.slice(0, -1) : name).split("/");
  for (const s of segments) {
    if (s === "..") throw bad("escapes the top folder (..)");
    if (s === "" || s === ".") throw bad('has an empty or "." path segment');
  }
}
function checkUnicodePathField(raw, name, label) {
  for (const f of raw.extraFields) {
    if (f.id !== 28789) continue;
    const other = f.data.length > 5 ? f.data.subarray(5).toString("utf8") : "";
    if (other !== name)
      throw badInput(`${label}: ${name}: its Unicode path extra field names another file`);
  }
}
function checkTree(entries, label) {
  const files = /* @__PURE__ */ new Set();
  for (const { info } of entries) if (!info.isDirectory) files.add(info.name);
  for (const { info } of entries) {
    const p = info.isDirectory ? info.name.slice(0, -1) : info.name;
    if (info.isDirectory && files.has(p))
      throw badInput(`${label}: ${p} is both a file and a folder`);
    for (let i = p.indexOf("/"); i > 0; i = p.indexOf("/", i + 1)) {
      if (files.has(p.slice(0, i)))
        throw badInput(`${label}: ${p.slice(0, i)} is both a file and a folder`);
    }
  }
}
function checkOverlaps(entries, cdStart, label) {
  const sorted = [...entries].sort((a, b) => a.localHeaderOffset - b.localHeaderOffset);
  for (let i = 0; i < sorted.length; i++) {
    const cur = sorted[i];
    const next = sorted[i + 1];
    cur.limit = next ? next.localHeaderOffset : cdStart;
    const end = cur.localHeaderOffset + 30 + cur.rawName.length + cur.info.compressedSize;
    if (end > cur.limit) {
      throw badInput(
        `${label}: ${cur.info.name} overlaps ${next ? next.info.name : "the central directory"}`
      );
    }
  }
}
var MAX16 = 65535;
var MAX32 = 4294967295;
async function checkEndRecords(read, f, label) {
  const bad = (why) => badInput(`${label}: not a valid zip (${why})`);
  const eocdAt = f.fileSize - 22 - f.commentLength;
  const eocd = await read(eocdAt, 22);
  const cdSize = f.cdEnd - f.cdStart;
  const locatorAt = eocdAt - 20;
  const locator = locatorAt >= 0 ? await read(locatorAt, 20) : void 0;
  const agrees = (value, actual, max) => value === actual || value === max;
  if (locator?.readUInt32LE(0) === 117853008) {
    const recordAt = Number(locator.readBigUInt64LE(8));
    const record = await read(recordAt, 56);
    if (recordAt + 12 + Number(record.readBigUInt64LE(4)) !== locatorAt)
      throw bad("the ZIP64 end record does not end at its locator");
    if (f.cdEnd !== recordAt)
      throw bad("the central directory does not end where the ZIP64 end record starts");
    if (Number(record.readBigUInt64LE(24)) !== f.entryCount || Number(record.readBigUInt64LE(32)) !== f.entryCount || Number(record.readBigUInt64LE(40)) !== cdSize)
      throw bad("the ZIP64 end record disagrees with the central directory");
    if (!agrees(eocd.readUInt16LE(8), f.entryCount, MAX16) || !agrees(eocd.readUInt16LE(10), f.entryCount, MAX16) || !agrees(eocd.readUInt32LE(12), cdSize, MAX32) || !agrees(eocd.readUInt32LE(16), f.cdStart, MAX32))
      throw bad("the end record disagrees with the ZIP64 end record");
    return;
  }
  if (f.cdEnd !== eocdAt)
    throw bad("the central directory does not end where the end record starts");
  if (eocd.readUInt16LE(8) !== f.entryCount || eocd.readUInt16LE(10) !== f.entryCount || eocd.readUInt32LE(12) !== cdSize)
    throw bad("the end record disagrees with the central directory");
}

// src/zip/reader.ts
var DEFAULT_LIMITS = {
  maxEntries: 2e5,
  maxEntrySize: 8 * 1024 ** 3,
  maxTotalSize: 32 * 1024 ** 3,
  maxRatio: 1e3
};
var RAW_CHUNK = 2 << 20;
var CD_READ = 256 << 10;
var WINDOW = 2 << 20;
var SMALL_READ = 64 << 10;
var WINDOW_BUDGET = 8 << 20;
var LIVE_WINDOWS = [];
function touch(zip, newWindow) {
  const at = LIVE_WINDOWS.lastIndexOf(zip);
  if (at !== LIVE_WINDOWS.length - 1) {
    if (at >= 0) LIVE_WINDOWS.splice(at, 1);
    LIVE_WINDOWS.push(zip);
  }
  if (!newWindow) return;
  let total = 0;
  for (const z of LIVE_WINDOWS) total += z.windowBytes();
  while (total > WINDOW_BUDGET && LIVE_WINDOWS.length > 1) {
    const old = LIVE_WINDOWS.shift();
    total -= old.windowBytes();
    old.dropWindow();
  }
}
var SafeZip = class _SafeZip {
  constructor(zipfile, handle2, file, label, central) {
    this.zipfile = zipfile;
    this.handle = handle2;
    this.file = file;
    this.label = label;
    for (const c of central) this.byName.set(c.info.name, c);
    this.entries = Object.freeze(central.map((c) => c.info));
  }
  zipfile;
  handle;
  file;
  label;
  byName = /* @__PURE__ */ new Map();
  /** Central-directory order. */
  entries;
  window;
  /** Where the last read from the file ended, to tell sequential reading from jumps. */
  readEnd;
  /** How far the next read-ahead reads (adapts between SMALL_READ and WINDOW). */
  ahead = SMALL_READ;
  closed = false;
  static async open(file, opts = {}) {
    const label = opts.label ?? file;
    const limits = { ...DEFAULT_LIMITS, ...opts.limits };
    const handle2 = await fsp.open(file, "r").catch((e) => {
      throw badInput(`${label}: cannot read (${errorText(e)})`);
    });
    let zipfile;
    try {
      const { size } = await handle2.stat();
      const reader = new BoundedReader(handle2, size);
      zipfile = await new Promise((resolve, reject) => {
        import_yauzl.default.fromRandomAccessReader(
          reader,
          size,
          {
            lazyEntries: true,
            autoClose: false,
            decodeStrings: false,
            strictFileNames: true,
            validateEntrySizes: true
          },
          (err, zf) => err || !zf ? reject(structural(label, err)) : resolve(zf)
        );
      });
      zipfile.on("error", () => void 0);
      if (zipfile.entryCount > limits.maxEntries) {
        throw badInput(
          `${label}: ${zipfile.entryCount} entries is more than the limit of ${limits.maxEntries}`
        );
      }
      const cursor = zipfile;
      const cdStart = cursor.readEntryCursor;
      const raws = await readAllEntries(zipfile, label);
      reader.dropCache();
      await checkEndRecords(
        (position, length) => readExactly(handle2, position, length, label),
        {
          fileSize: zipfile.fileSize,
          commentLength: zipfile.comment.length,
          entryCount: raws.length,
          cdStart,
          cdEnd: cursor.readEntryCursor
        },
        label
      );
      const central = [];
      const names = /* @__PURE__ */ new Set();
      let total = 0;
      for (const raw of raws) {
        const c = validateEntry(raw, label, limits);
        total += c.info.uncompressedSize;
        if (total > limits.maxTotalSize) {
          throw badInput(
            `${label}: uncompressed size exceeds the limit of ${limits.maxTotalSize} bytes`
          );
        }
        if (names.has(c.info.name)) throw badInput(`${label}: duplicate entry ${c.info.name}`);
        names.add(c.info.name);
        central.push(c);
      }
      checkTree(central, label);
      checkOverlaps(central, cdStart, label);
      return new _SafeZip(zipfile, handle2, file, label, central);
    } catch (e) {
      zipfile?.close();
      await handle2.close().catch(() => void 0);
      throw e;
    }
  }
  get(name) {
    return this.byName.get(name)?.info;
  }
  /** The one top-level folder every entry lives in, if there is exactly one. */
  topFolder() {
    let top;
    for (const { name } of this.entries) {
      const slash = name.indexOf("/");
      if (slash <= 0) return void 0;
      const first = name.slice(0, slash);
      if (top === void 0) top = first;
      else if (top !== first) return void 0;
    }
    return top;
  }
  /** The entry's compressed bytes exactly as stored, for copying without recompression. */
  async openRaw(entry) {
    return this.open(entry, false);
  }
  /** The entry's content, checked against its CRC-32 and size as it streams. */
  async openData(entry) {
    const info = this.central(entry).info;
    const stream = await this.open(info, info.compressionMethod === 8);
    const check = new CheckingStream(info, `${this.label}: ${info.name}`);
    stream.on("error", (e) => check.destroy(asDataError(this.label, info, e)));
    return stream.pipe(check);
  }
  /** The whole content, checked; larger than maxBytes (256 MiB by default) is exit 2. */
  async readBuffer(entry, maxBytes = 256 * 1024 * 1024) {
    const info = this.central(entry).info;
    if (info.uncompressedSize > maxBytes) {
      throw badInput(`${this.label}: ${info.name} is larger than ${maxBytes} bytes`);
    }
    const chunks = [];
    for await (const chunk of await this.openData(info)) chunks.push(chunk);
    return Buffer.concat(chunks);
  }
  /**
   * The entry's compressed bytes as large buffers read straight from the file: the fast
   * path for copying an entry into another zip as it is. Not CRC-checked (they stay
   * compressed); callers vouch for them otherwise (a signed hash) or use openData. Each
   * piece is a lease on a read buffer: the caller releases it once done with the bytes
   * (the zip writer does when their write has completed).
   */
  async *readRawChunks(entry) {
    const info = this.central(entry).info;
    const start = await this.dataStart(info);
    let done = 0;
    while (done < info.compressedSize) {
      const want = Math.min(RAW_CHUNK, info.compressedSize - done);
      yield await this.readAt(start + done, want);
      done += want;
    }
  }
  windowBytes() {
    return this.window?.data.length ?? 0;
  }
  dropWindow() {
    this.window?.slab.release();
    this.window = void 0;
  }
  async close() {
    if (this.closed) return;
    this.closed = true;
    this.dropWindow();
    const at = LIVE_WINDOWS.indexOf(this);
    if (at >= 0) LIVE_WINDOWS.splice(at, 1);
    this.zipfile.close();
    await this.handle.close().catch(() => void 0);
  }
  central(entry) {
    const c = this.byName.get(entry.name);
    if (!c) throw new Error(`bug: ${entry.name} is not an entry of ${this.label}`);
    return c;
  }
  /**
   * Bytes at a position, through a read-ahead window: entries are usually copied in the
   * order they are stored, so one large read serves many small entries and their headers.
   * The window grows while reading goes on where it ended and shrinks when a window was
   * dropped before it was used up (many zips taking turns, e.g. one payload per level); all
   * windows together stay within WINDOW_BUDGET, least recently used dropped first.
   */
  async readAt(position, length) {
    const w = this.window;
    if (w && position >= w.start && position + length <= w.start + w.data.length) {
      touch(this, false);
      return w.slab.lease(position - w.start, position - w.start + length);
    }
    const end = this.readEnd;
    if (end !== void 0 && position >= end && position - end <= 4096) {
      this.ahead = Math.min(this.ahead * 2, WINDOW);
    } else if (end !== void 0 && position < end && position >= end - this.ahead) {
      this.ahead = Math.max(this.ahead / 2, SMALL_READ);
    } else {
      this.ahead = SMALL_READ;
    }
    const { slab, got } = await this.readSlab(
      position,
      Math.max(length, this.ahead),
      length,
      () => badInput(`${this.label}: the archive ends before byte ${position + length}`)
    );
    if (this.closed) {
      const piece = slab.lease(0, length);
      slab.release();
      return piece;
    }
    this.dropWindow();
    this.window = { start: position, data: slab.buf.subarray(0, got), slab };
    this.readEnd = position + got;
    touch(this, true);
    return slab.lease(0, length);
  }
  /**
   * A pooled slab filled with up to `size` bytes from `position`; fewer than `needed` (the
   * file ends first) is the `short` error. The caller owns the slab's hold.
   */
  async readSlab(position, size, needed, short) {
    const slab = Slab.take(size);
    let got = 0;
    try {
      while (got < size) {
        const { bytesRead } = await this.handle.read(slab.buf, got, size - got, position + got);
        if (bytesRead === 0) break;
        got += bytesRead;
      }
      if (got < needed) throw short();
    } catch (e) {
      slab.release();
      throw e;
    }
    return { slab, got };
  }
  /** Bytes [start, start + length) in chunks of up to 1 MiB, bypassing the read-ahead window. */
  async *readSpan(start, length) {
    let done = 0;
    while (done < length) {
      const want = Math.min(1 << 20, length - done);
      const buf = Buffer.allocUnsafe(want);
      const { bytesRead } = await this.handle.read(buf, 0, want, start + done);
      if (bytesRead === 0) throw badInput(`${this.label}: the archive ends inside an entry`);
      done += bytesRead;
      yield bytesRead === want ? buf : buf.subarray(0, bytesRead);
    }
  }
  /**
   * Where the entry's data starts. The local header is read now (its extra field may be
   * longer than the central one) and must agree with the central directory on name,
   * method and encryption; its data must still end before the next entry begins.
   */
  async dataStart(entry) {
    const c = this.central(entry);
    const offset = c.localHeaderOffset;
    const lease = await this.readAt(offset, 30 + c.rawName.length).catch(() => void 0);
    const head = lease ? Buffer.from(lease.data) : Buffer.alloc(0);
    lease?.release();
    const bad = (why) => badInput(`${this.label}: ${entry.name}: ${why}`);
    if (head.length < 30 + c.rawName.length || head.readUInt32LE(0) !== 67324752)
      throw bad("no local header where the central directory says");
    const nameLength = head.readUInt16LE(26);
    const extraLength = head.readUInt16LE(28);
    if (nameLength !== c.rawName.length || !head.subarray(30).equals(c.rawName))
      throw bad("local header names a different file");
    if (head.readUInt16LE(6) & 1) throw bad("local header says encrypted");
    if (head.readUInt16LE(8) !== c.info.compressionMethod)
      throw bad("local header has a different compression method");
    const start = offset + 30 + nameLength + extraLength;
    if (start + c.info.compressedSize > c.limit)
      throw bad("data overlaps the next entry or the central directory");
    return start;
  }
  async open(entry, decompress) {
    if (this.closed) throw new Error(`bug: ${this.label} read after close`);
    const info = this.central(entry).info;
    const dataStart = await this.dataStart(info);
    if (info.compressedSize === 0) return Readable.from([]);
    if (!decompress)
      return Readable.from(this.readSpan(dataStart, info.compressedSize), { objectMode: false });
    const inflate = createInflateRaw({ chunkSize: 1 << 18 });
    void this.feedInflate(inflate, dataStart, info.compressedSize);
    return inflate;
  }
  /**
   * Writes the compressed bytes into `inflate` from reused read buffers: zlib calls a
   * write's callback once it has consumed that input, and only then is the buffer let go.
   * (Extracting a pack otherwise allocated every compressed byte anew, for the collector.)
   */
  async feedInflate(inflate, start, length) {
    try {
      let done = 0;
      while (done < length && !inflate.destroyed) {
        const want = Math.min(1 << 20, length - done);
        const { slab, got } = await this.readSlab(
          start + done,
          want,
          want,
          () => badInput(`${this.label}: the archive ends inside an entry`)
        );
        done += got;
        const piece = slab.lease(0, got);
        slab.release();
        if (!inflate.write(piece.data, () => piece.release())) {
          await new Promise((resolve) => {
            const go = () => {
              inflate.off("drain", go);
              inflate.off("close", go);
              resolve();
            };
            inflate.on("drain", go);
            inflate.on("close", go);
          });
        }
      }
      if (!inflate.destroyed) inflate.end();
    } catch (e) {
      inflate.destroy(e);
    }
  }
};
var BoundedReader = class extends import_yauzl.default.RandomAccessReader {
  constructor(handle2, size) {
    super();
    this.handle = handle2;
    this.size = size;
  }
  handle;
  size;
  /** yauzl reads the central directory 46 bytes at a time: serve those from one large read. */
  cache;
  read(buffer, offset, length, position, callback) {
    const answer = (err, bytesRead) => process.nextTick(() => callback(err, bytesRead));
    if (!Number.isSafeInteger(position) || position < 0 || position + length > this.size) {
      answer(new Error(`a record points outside the file (byte ${position})`));
      return;
    }
    this.fill(position, length).then(
      (c) => {
        c.data.copy(buffer, offset, position - c.start, position - c.start + length);
        answer(null, length);
      },
      (e) => answer(e instanceof Error ? e : new Error(String(e)))
    );
  }
  dropCache() {
    this.cache = void 0;
  }
  async fill(position, length) {
    const c = this.cache;
    if (c && position >= c.start && position + length <= c.start + c.data.length) return c;
    const want = Math.min(Math.max(length, CD_READ), this.size - position);
    const data = Buffer.allocUnsafe(want);
    let got = 0;
    while (got < want) {
      const { bytesRead } = await this.handle.read(data, got, want - got, position + got);
      if (bytesRead === 0) throw new Error("unexpected end of file");
      got += bytesRead;
    }
    this.cache = { start: position, data };
    return this.cache;
  }
  _readStreamForRange(start, end) {
    return createReadStream2("", { fd: this.handle.fd, start, end: end - 1, autoClose: false });
  }
  close(callback) {
    callback(null);
  }
};
function readAllEntries(zipfile, label) {
  return new Promise((resolve, reject) => {
    const out = [];
    zipfile.on("entry", (e) => {
      out.push(e);
      zipfile.readEntry();
    });
    zipfile.once("end", () => resolve(out));
    zipfile.once("error", (err) => reject(structural(label, err)));
    try {
      zipfile.readEntry();
    } catch (e) {
      reject(structural(label, e));
    }
  });
}
async function readExactly(handle2, position, length, label) {
  if (!Number.isSafeInteger(position) || position < 0)
    throw badInput(`${label}: not a valid zip (a record points outside the file)`);
  const buf = Buffer.alloc(length);
  let got = 0;
  while (got < length) {
    const { bytesRead } = await handle2.read(buf, got, length - got, position + got);
    if (bytesRead === 0) throw badInput(`${label}: not a valid zip (truncated end records)`);
    got += bytesRead;
  }
  return buf;
}
var CheckingStream = class extends Transform {
  constructor(entry, what) {
    super({ highWaterMark: 1 << 20 });
    this.entry = entry;
    this.what = what;
  }
  entry;
  what;
  crc = 0;
  bytes = 0;
  _transform(chunk, _enc, cb) {
    this.bytes += chunk.length;
    if (this.bytes > this.entry.uncompressedSize) {
      cb(
        verificationFailed(
          `${this.what}: content is longer than its declared ${this.entry.uncompressedSize} bytes`
        )
      );
      return;
    }
    this.crc = crc32(chunk, this.crc);
    cb(null, chunk);
  }
  _flush(cb) {
    if (this.bytes !== this.entry.uncompressedSize) {
      cb(
        verificationFailed(
          `${this.what}: content is ${this.bytes} bytes, its header says ${this.entry.uncompressedSize}`
        )
      );
    } else if (this.crc >>> 0 !== this.entry.crc32 >>> 0) {
      cb(verificationFailed(`${this.what}: CRC-32 mismatch`));
    } else cb();
  }
};
function errorText(err) {
  const msg = err instanceof Error ? err.message : String(err);
  return msg.split("\n")[0] ?? "";
}
function structural(label, err) {
  if (err instanceof UplevelError) return err;
  return badInput(`${label}: not a valid zip (${errorText(err)})`);
}
function asDataError(label, entry, err) {
  if (err instanceof UplevelError) return err;
  return verificationFailed(`${label}: ${entry.name}: corrupt data (${errorText(err)})`);
}

// src/pipeline/extract.ts
init_errors();
import { promises as fs2 } from "node:fs";
import path3 from "node:path";

// src/pipeline/write-dir.ts
init_errors();
init_types();
import { createHash as createHash3 } from "node:crypto";
import { promises as fs } from "node:fs";
import path2 from "node:path";

// src/pipeline/contents.ts
init_errors();
import { createHash as createHash2 } from "node:crypto";
import { PassThrough, Transform as Transform2 } from "node:stream";
import { pipeline } from "node:stream/promises";
import { createInflateRaw as createInflateRaw2 } from "node:zlib";
var PackContents = class {
  constructor(pack, payloads, packTrusted) {
    this.pack = pack;
    this.payloads = payloads;
    this.packTrusted = packTrusted;
  }
  pack;
  payloads;
  packTrusted;
  locate(source) {
    if (source.kind === "pack") {
      const entry = this.pack.files.get(source.path);
      if (!entry) throw new Error(`bug: ${source.path} not in pack`);
      const located = {
        zip: this.pack.zip,
        entry,
        trusted: this.packTrusted,
        mode: entry.mode & 511 || 420,
        label: `${this.pack.zip.label}: ${entry.name}`
      };
      if (source.sha256) located.vendorSha256 = source.sha256;
      return located;
    }
    const payload = this.payloads.get(source.level);
    if (!payload) throw new Error(`bug: payload of level ${source.level} not open`);
    return {
      zip: payload.zip,
      entry: payload.fileEntry(source.path),
      sha256: source.sha256,
      vendorSha256: source.sha256,
      trusted: true,
      mode: source.mode & 511,
      label: `${payload.zip.label}: files/${source.path}`
    };
  }
  /** The whole content of a (small) file, checked against the vendor's sha256 when known. */
  async read(source) {
    const loc = this.locate(source);
    const buf = await loc.zip.readBuffer(loc.entry, 64 * 1024 * 1024);
    const expected = loc.sha256 ?? loc.vendorSha256;
    if (expected && createHash2("sha256").update(buf).digest("hex") !== expected) {
      throw verificationFailed(
        `${loc.label}: content differs from the vendor's file (sha256 mismatch)`
      );
    }
    return buf;
  }
  /**
   * The vendor's content of `path` just before `level` changed it, from the payload's merge
   * base when it carries one (the pack's own copy may hold local edits).
   */
  async baseBefore(level, path39) {
    const payload = this.payloads.get(level);
    const entry = payload?.baseEntry(path39);
    if (!payload || !entry) return void 0;
    const buf = await payload.zip.readBuffer(entry, 64 * 1024 * 1024);
    const modified = payload.manifest.files.modified.find((f) => f.path === path39);
    if (modified && createHash2("sha256").update(buf).digest("hex") !== modified.replaces) {
      throw verificationFailed(
        `${payload.zip.label}: base/${path39} is not the content the update replaces`
      );
    }
    return buf;
  }
};
var HashingCounter = class extends Transform2 {
  hash = createHash2("sha256");
  bytes = 0;
  crc = 0;
  _transform(chunk, _enc, cb) {
    this.hash.update(chunk);
    this.crc = crc32(chunk, this.crc);
    this.bytes += chunk.length;
    cb(null, chunk);
  }
};
async function teeRawVerified(loc, consume) {
  const raw = await loc.zip.openRaw(loc.entry);
  const toConsumer = new PassThrough({ highWaterMark: 1 << 20 });
  const toCheck = new PassThrough({ highWaterMark: 1 << 20 });
  raw.pipe(toConsumer);
  raw.pipe(toCheck);
  raw.on("error", (e) => {
    toConsumer.destroy(e);
    toCheck.destroy(e);
  });
  const counter = new HashingCounter();
  const decoded = loc.entry.compressionMethod === 8 ? pipeline(toCheck, createInflateRaw2(), counter, sink()) : pipeline(toCheck, counter, sink());
  await Promise.all([consume(toConsumer), decoded]);
  if (counter.bytes !== loc.entry.uncompressedSize) {
    throw verificationFailed(`${loc.label}: size does not match its zip header`);
  }
  if (counter.crc >>> 0 !== loc.entry.crc32 >>> 0) {
    throw verificationFailed(`${loc.label}: CRC-32 does not match its zip header`);
  }
  const sha = counter.hash.digest("hex");
  if (loc.sha256 && sha !== loc.sha256) throw verificationFailed(`${loc.label}: sha256 mismatch`);
  return sha;
}
async function readVerified(loc, consume) {
  const data = await loc.zip.openData(loc.entry);
  const counter = new HashingCounter();
  const out = new PassThrough({ highWaterMark: 1 << 20 });
  await Promise.all([pipeline(data, counter, out), consume(out)]);
  const sha = counter.hash.digest("hex");
  if (loc.sha256 && sha !== loc.sha256) throw verificationFailed(`${loc.label}: sha256 mismatch`);
  return sha;
}
function sink() {
  return async function(source) {
    for await (const _ of source) {
    }
  };
}

// src/pipeline/for-each-limit.ts
async function forEachLimit(items, limit, fn) {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await fn(items[next++]);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}

// src/pipeline/write-dir.ts
var EXTRACT_CONCURRENCY = 4;
async function assertFreshDir(dir) {
  try {
    const entries = await fs.readdir(dir);
    if (entries.length > 0) {
      throw badInput(`--dir ${dir}: folder exists and is not empty; give a new folder`);
    }
  } catch (e) {
    if (e.code === "ENOENT") return;
    if (e.code === "ENOTDIR")
      throw badInput(`--dir ${dir}: not a folder`);
    throw e;
  }
}
async function writeUpdatedDir(dir, layout, opts) {
  await assertFreshDir(dir);
  const parent = path2.dirname(path2.resolve(dir));
  await fs.mkdir(parent, { recursive: true });
  const staging = await fs.mkdtemp(path2.join(parent, `.${path2.basename(dir)}.uplevel-staging-`));
  const hashes = /* @__PURE__ */ new Map();
  let bytes = 0;
  try {
    for (const d of layout.dirs) await fs.mkdir(path2.join(staging, d), { recursive: true });
    await fs.mkdir(path2.join(staging, path2.dirname(PACK_STATE_PATH)), { recursive: true });
    let done = 0;
    const extract = async (f) => {
      const target = path2.join(staging, f.path);
      if (f.kind === "bytes") {
        await fs.writeFile(target, f.data, { mode: f.mode });
        hashes.set(f.path, createHash3("sha256").update(f.data).digest("hex"));
        bytes += f.data.length;
      } else {
        const write = (data) => writeStreamTo(target, f.from.mode, data);
        if (f.from.trusted && f.from.vendorSha256) {
          await write(await f.from.zip.openData(f.from.entry));
          hashes.set(f.path, f.from.vendorSha256);
        } else {
          const sha = await readVerified(f.from, write);
          hashes.set(f.path, f.from.vendorSha256 ?? sha);
        }
        bytes += f.from.entry.uncompressedSize;
      }
      opts.onProgress?.(++done, layout.files.length);
    };
    await forEachLimit(layout.files, EXTRACT_CONCURRENCY, extract);
    await fs.writeFile(path2.join(staging, PACK_STATE_PATH), opts.stateFile(hashes), {
      mode: 420
    });
    await fs.rmdir(dir).catch(() => void 0);
    await fs.rename(staging, dir).catch((e) => {
      if (e.code === "ENOTEMPTY" || e.code === "EEXIST") {
        throw badInput(
          `--dir ${dir}: another run filled the folder meanwhile; nothing of this run was kept`
        );
      }
      throw e;
    });
    return { hashes, bytes };
  } catch (e) {
    await fs.rm(staging, { recursive: true, force: true });
    const err = e;
    if (err?.path?.startsWith(staging)) err.path = path2.join(dir, path2.relative(staging, err.path));
    throw e;
  }
}
async function writeStreamTo(file, mode, data) {
  const handle2 = await fs.open(file, "w", mode);
  try {
    for await (const chunk of data) {
      const buf = chunk;
      let done = 0;
      while (done < buf.length) done += (await handle2.write(buf, done)).bytesWritten;
    }
  } catch (e) {
    data.destroy();
    throw withPath(e, file);
  } finally {
    await handle2.close();
  }
}

// src/pipeline/extract.ts
async function extractPack(zipFile, dest) {
  await assertFreshDir(dest);
  const zip = await SafeZip.open(zipFile, { label: zipFile });
  const parent = path3.dirname(path3.resolve(dest));
  await fs2.mkdir(parent, { recursive: true });
  const staging = await fs2.mkdtemp(path3.join(parent, `.${path3.basename(dest)}.uplevel-staging-`));
  try {
    const top = zip.topFolder();
    if (!top) throw badInput(`${zipFile}: a pack must hold one top-level folder`);
    for (const e of zip.entries) {
      const rel = e.name.slice(top.length + 1).replace(/\/$/, "");
      if (rel === "") continue;
      const target = path3.join(staging, rel);
      if (e.isDirectory) {
        await fs2.mkdir(target, { recursive: true });
        continue;
      }
      await fs2.mkdir(path3.dirname(target), { recursive: true });
      await writeStreamTo(target, e.mode & 511 || 420, await zip.openData(e));
    }
    await fs2.rmdir(dest).catch(() => void 0);
    await fs2.rename(staging, dest);
    return { top };
  } catch (e) {
    await fs2.rm(staging, { recursive: true, force: true });
    throw e;
  } finally {
    await zip.close();
  }
}

// src/pipeline/file-tree.ts
import { promises as fs3 } from "node:fs";
import path4 from "node:path";

// src/pipeline/output.ts
init_types();
function layoutOutput(plan, contents, overlay) {
  const byPath = /* @__PURE__ */ new Map();
  for (const [path39, source] of plan.files) {
    byPath.set(path39, { path: path39, kind: "copy", from: contents.locate(source) });
  }
  for (const f of overlay?.files ?? []) {
    if (f.content === void 0) {
      byPath.delete(f.path);
      continue;
    }
    const existing = byPath.get(f.path);
    const mode = existing?.kind === "copy" ? existing.from.mode : 420;
    byPath.set(f.path, { path: f.path, kind: "bytes", data: f.content, mode });
  }
  byPath.delete(PACK_STATE_PATH);
  const dirs = /* @__PURE__ */ new Set();
  const addParents = (p) => {
    const parts = p.split("/");
    for (let i = 1; i < parts.length; i++) dirs.add(parts.slice(0, i).join("/"));
  };
  for (const p of byPath.keys()) addParents(p);
  addParents(PACK_STATE_PATH);
  const packFileDirs = /* @__PURE__ */ new Set();
  for (const p of contents.pack.files.keys()) {
    const parts = p.split("/");
    for (let i = 1; i < parts.length; i++) packFileDirs.add(parts.slice(0, i).join("/"));
  }
  for (const d of contents.pack.dirs.keys()) {
    if (!packFileDirs.has(d)) {
      dirs.add(d);
      addParents(`${d}/x`);
    }
  }
  const files = [...byPath.values()].sort((a, b) => cmp(a.path, b.path));
  return { top: contents.pack.top, dirs: [...dirs].sort(cmp), files };
}
function cmp(a, b) {
  return a < b ? -1 : a > b ? 1 : 0;
}

// src/pipeline/file-tree.ts
async function listTree(root, opts = {}) {
  const tree = { files: [], dirs: [], other: [] };
  const walk = async (rel) => {
    for (const d of await fs3.readdir(path4.join(root, rel), { withFileTypes: true })) {
      const r = rel ? `${rel}/${d.name}` : d.name;
      if (d.isDirectory()) {
        if (opts.skipDir?.(r)) continue;
        tree.dirs.push(r);
        await walk(r);
      } else if (d.isFile()) tree.files.push(r);
      else tree.other.push(r);
    }
  };
  await walk("");
  tree.files.sort(cmp);
  tree.dirs.sort(cmp);
  tree.other.sort(cmp);
  return tree;
}

// src/pipeline/overlay.ts
init_errors();
import { promises as fs4 } from "node:fs";
import path5 from "node:path";

// src/core/line-diff.ts
function diffHunks(base, other) {
  const ids = /* @__PURE__ */ new Map();
  const intern = (lines) => Int32Array.from(lines, (l) => {
    let id = ids.get(l);
    if (id === void 0) ids.set(l, id = ids.size);
    return id;
  });
  const a = intern(base);
  const b = intern(other);
  const matchedA = new Uint8Array(a.length);
  const matchedB = new Uint8Array(b.length);
  compare(a, b, 0, a.length, 0, b.length, matchedA, matchedB);
  const hunks = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && matchedA[i] && matchedB[j]) {
      i++;
      j++;
      continue;
    }
    const h = { oStart: i, oEnd: i, xStart: j, xEnd: j };
    while (i < a.length && !matchedA[i]) i++;
    while (j < b.length && !matchedB[j]) j++;
    h.oEnd = i;
    h.xEnd = j;
    hunks.push(h);
  }
  return hunks;
}
function compare(a, b, aLo, aHi, bLo, bHi, matchedA, matchedB) {
  while (aLo < aHi && bLo < bHi && a[aLo] === b[bLo]) {
    matchedA[aLo++] = 1;
    matchedB[bLo++] = 1;
  }
  while (aLo < aHi && bLo < bHi && a[aHi - 1] === b[bHi - 1]) {
    matchedA[--aHi] = 1;
    matchedB[--bHi] = 1;
  }
  if (aLo === aHi || bLo === bHi) return;
  const split = bisect(a, b, aLo, aHi, bLo, bHi);
  if (split === void 0) return;
  const [x, y] = split;
  compare(a, b, aLo, x, bLo, y, matchedA, matchedB);
  compare(a, b, x, aHi, y, bHi, matchedA, matchedB);
}
function bisect(a, b, aLo, aHi, bLo, bHi) {
  const n = aHi - aLo;
  const m = bHi - bLo;
  const maxD = Math.ceil((n + m) / 2);
  const offset = maxD;
  const size = 2 * maxD + 2;
  const v1 = new Int32Array(size).fill(-1);
  const v2 = new Int32Array(size).fill(-1);
  v1[offset + 1] = 0;
  v2[offset + 1] = 0;
  const delta = n - m;
  const front = delta % 2 !== 0;
  let k1start = 0;
  let k1end = 0;
  let k2start = 0;
  let k2end = 0;
  const at = (arr, i) => arr[i];
  for (let d = 0; d < maxD; d++) {
    for (let k1 = -d + k1start; k1 <= d - k1end; k1 += 2) {
      const k1o = offset + k1;
      let x1 = k1 === -d || k1 !== d && at(v1, k1o - 1) < at(v1, k1o + 1) ? at(v1, k1o + 1) : at(v1, k1o - 1) + 1;
      let y1 = x1 - k1;
      while (x1 < n && y1 < m && a[aLo + x1] === b[bLo + y1]) {
        x1++;
        y1++;
      }
      v1[k1o] = x1;
      if (x1 > n) k1end += 2;
      else if (y1 > m) k1start += 2;
      else if (front) {
        const k2o = offset + delta - k1;
        if (k2o >= 0 && k2o < size && at(v2, k2o) !== -1 && x1 >= n - at(v2, k2o))
          return [aLo + x1, bLo + y1];
      }
    }
    for (let k2 = -d + k2start; k2 <= d - k2end; k2 += 2) {
      const k2o = offset + k2;
      let x2 = k2 === -d || k2 !== d && at(v2, k2o - 1) < at(v2, k2o + 1) ? at(v2, k2o + 1) : at(v2, k2o - 1) + 1;
      let y2 = x2 - k2;
      while (x2 < n && y2 < m && a[aHi - x2 - 1] === b[bHi - y2 - 1]) {
        x2++;
        y2++;
      }
      v2[k2o] = x2;
      if (x2 > n) k2end += 2;
      else if (y2 > m) k2start += 2;
      else if (!front) {
        const k1o = offset + delta - k2;
        if (k1o >= 0 && k1o < size && at(v1, k1o) !== -1) {
          const x1 = at(v1, k1o);
          const y1 = offset + x1 - k1o;
          if (x1 >= n - x2) return [aLo + x1, bLo + y1];
        }
      }
    }
  }
  return void 0;
}
function diff3Regions(ours, base, theirs) {
  const hunks = [
    ...diffHunks(base, ours).map((h) => ({ ...h, side: "a" })),
    ...diffHunks(base, theirs).map((h) => ({ ...h, side: "b" }))
  ].sort((x, y) => x.oStart - y.oStart);
  const out = [];
  let okLines = [];
  const flush = () => {
    if (okLines.length > 0) out.push({ ok: okLines });
    okLines = [];
  };
  let cursor = 0;
  for (let i = 0; i < hunks.length; ) {
    const first = hunks[i];
    const group = [first];
    const regionStart = first.oStart;
    let regionEnd = first.oEnd;
    for (i++; i < hunks.length && hunks[i].oStart <= regionEnd; i++) {
      const h = hunks[i];
      group.push(h);
      regionEnd = Math.max(regionEnd, h.oEnd);
    }
    append(okLines, base, cursor, regionStart);
    cursor = regionEnd;
    if (group.length === 1) {
      const src = first.side === "a" ? ours : theirs;
      append(okLines, src, first.xStart, first.xEnd);
      continue;
    }
    const span = (side, lines) => {
      const own = group.filter((h) => h.side === side);
      if (own.length === 0) return base.slice(regionStart, regionEnd);
      const { xStart, oStart } = own[0];
      const { xEnd, oEnd } = own[own.length - 1];
      return lines.slice(xStart - (oStart - regionStart), xEnd + (regionEnd - oEnd));
    };
    const a = span("a", ours);
    const b = span("b", theirs);
    if (a.length === b.length && a.every((l, k) => l === b[k])) {
      append(okLines, a);
      continue;
    }
    flush();
    out.push({ conflict: { a, o: base.slice(regionStart, regionEnd), b } });
  }
  append(okLines, base, cursor);
  flush();
  return out;
}
function append(to, from, start = 0, end = from.length) {
  for (let i = start; i < end; i++) to.push(from[i]);
}

// src/core/merge.ts
function splitLines(text) {
  return text.match(/[^\n]*\n|[^\n]+$/g) ?? [];
}
function isText(buf) {
  if (buf.subarray(0, 8192).includes(0)) return false;
  try {
    new TextDecoder("utf-8", { fatal: true }).decode(buf);
    return true;
  } catch {
    return false;
  }
}
function eolOf(text) {
  const crlf = text.match(/\r\n/g)?.length ?? 0;
  const lf = text.match(/\n/g)?.length ?? 0;
  if (lf === 0) return "none";
  return crlf === lf ? "crlf" : crlf === 0 ? "lf" : "mixed";
}
var toLf = (s) => s.replace(/\r\n/g, "\n");
var toCrlf = (s) => s.replace(/\r?\n/g, "\r\n");
function mergeText(base, ours, theirs) {
  const [o, b, t] = [eolOf(ours), eolOf(base), eolOf(theirs)];
  if ((o === "lf" || o === "crlf") && (b === "lf" || b === "crlf") && o !== b) {
    if (t === b || t === "none") {
      const m = mergeLines(base, o === "lf" ? toCrlf(ours) : toLf(ours), theirs);
      const text = o === "lf" ? toLf(m.text) : toCrlf(m.text);
      return m.clean ? { clean: true, text } : { clean: false, text, conflicts: m.conflicts };
    }
  }
  return mergeLines(base, ours, theirs);
}
function mergeLines(base, ours, theirs) {
  const oursLines = splitLines(ours);
  const regions = diff3Regions(oursLines, splitLines(base), splitLines(theirs));
  const eol = (oursLines[0] ?? base).endsWith("\r\n") ? "\r\n" : "\n";
  const side = (lines) => {
    const text2 = lines.join("");
    return text2 === "" || text2.endsWith("\n") ? text2 : `${text2}${eol}`;
  };
  const out = [];
  let conflicts = 0;
  for (const r of regions) {
    if ("ok" in r) {
      out.push(r.ok.join(""));
      continue;
    }
    conflicts++;
    const { a, o, b } = r.conflict;
    out.push(`<<<<<<< ours${eol}`, side(a), `||||||| base${eol}`, side(o));
    out.push(`=======${eol}`, side(b), `>>>>>>> theirs${eol}`);
  }
  const text = out.join("");
  return conflicts === 0 ? { clean: true, text } : { clean: false, text, conflicts };
}
function mergeFile(base, ours, theirs) {
  if (base === void 0) {
    if (theirs === void 0) return { outcome: "unchanged", content: ours };
    if (theirs.equals(ours)) return { outcome: "identical", content: ours };
    return { outcome: "added-both" };
  }
  if (theirs === void 0) {
    return ours.equals(base) ? { outcome: "removed-upstream" } : { outcome: "removed-upstream-conflict" };
  }
  if (theirs.equals(base)) return { outcome: "unchanged", content: ours };
  if (ours.equals(base)) return { outcome: "taken-theirs", content: theirs };
  if (ours.equals(theirs)) return { outcome: "identical", content: ours };
  if (!isText(base) || !isText(ours) || !isText(theirs)) return { outcome: "binary-conflict" };
  const m = mergeText(base.toString("utf8"), ours.toString("utf8"), theirs.toString("utf8"));
  if (m.clean) return { outcome: "merged", content: Buffer.from(m.text, "utf8") };
  return { outcome: "conflict", content: Buffer.from(m.text, "utf8"), conflicts: m.conflicts };
}

// src/core/plan.ts
init_errors();
function composePlan(start, updates) {
  const current = /* @__PURE__ */ new Map();
  const history = /* @__PURE__ */ new Map();
  for (const path39 of start.files) {
    const sha2562 = start.hashes?.[path39];
    const source = sha2562 ? { kind: "pack", path: path39, sha256: sha2562 } : { kind: "pack", path: path39 };
    current.set(path39, source);
    history.set(path39, { path: path39, versions: [{ level: start.level, source }] });
  }
  const packChecks = /* @__PURE__ */ new Map();
  const record = (path39, level, source) => {
    const h = history.get(path39) ?? { path: path39, versions: [] };
    h.versions.push({ level, source });
    history.set(path39, h);
    if (source) current.set(path39, source);
    else current.delete(path39);
  };
  const expect = (label, path39, sha2562) => {
    const cur = current.get(path39);
    if (!cur) throw badInput(`${label}: ${path39} is not in the pack at the previous level`);
    const known = cur.sha256;
    if (known === void 0) {
      packChecks.set(path39, sha2562);
    } else if (known !== sha2562) {
      throw badInput(
        `${label}: ${path39} differs from what the update replaces (pack edited, or not at the expected level)`
      );
    }
  };
  let expected = start.level + 1;
  for (const u of updates) {
    const label = `update level ${u.level}`;
    if (u.product !== start.product || u.version !== start.version) {
      throw badInput(
        `${label}: is for ${u.product} ${u.version}, not ${start.product} ${start.version}`
      );
    }
    if (u.channel !== start.channel) {
      throw badInput(`${label}: is for channel ${u.channel}, not ${start.channel}`);
    }
    const from = u.from ?? u.level - 1;
    if (from !== expected - 1 || u.level <= from) {
      throw badInput(
        u.from === void 0 ? `${label}: expected level ${expected} next` : `${label}: goes from level ${from}, but the pack is at level ${expected - 1}`
      );
    }
    expected = u.level + 1;
    const touched = /* @__PURE__ */ new Set();
    const once = (path39) => {
      if (touched.has(path39)) throw badInput(`${label}: ${path39} is listed twice`);
      touched.add(path39);
    };
    for (const f of u.files.removed) {
      once(f.path);
      expect(label, f.path, f.sha256);
      record(f.path, u.level, null);
    }
    for (const f of u.files.modified) {
      once(f.path);
      expect(label, f.path, f.replaces);
      record(f.path, u.level, payloadSource(u.level, f));
    }
    for (const f of u.files.added) {
      once(f.path);
      if (current.has(f.path)) throw badInput(`${label}: adds ${f.path}, which already exists`);
      record(f.path, u.level, payloadSource(u.level, f));
    }
  }
  const startSet = new Set(start.files);
  const added = [];
  const modified = [];
  for (const [path39, source] of current) {
    if (!startSet.has(path39)) added.push(path39);
    else if (source.kind === "payload") modified.push(path39);
  }
  const removed = start.files.filter((p) => !current.has(p));
  return {
    product: start.product,
    version: start.version,
    channel: start.channel,
    from: start.level,
    to: expected - 1,
    files: current,
    added: added.sort(),
    modified: modified.sort(),
    removed: removed.sort(),
    packChecks,
    history
  };
}
function payloadSource(level, f) {
  return { kind: "payload", level, path: f.path, sha256: f.sha256, size: f.size, mode: f.mode };
}
function sourceAt(plan, path39, level) {
  const h = plan.history.get(path39);
  if (!h) return null;
  let found = null;
  for (const v of h.versions) {
    if (v.level <= level) found = v.source;
  }
  return found;
}
function sameContent(a, b) {
  if (a === null || b === null) return a === b;
  if (a.kind === "pack" && b.kind === "pack") return a.path === b.path;
  return a.sha256 !== void 0 && a.sha256 === b.sha256;
}

// src/pipeline/overlay.ts
var CONFLICT_OUTCOMES = /* @__PURE__ */ new Set([
  "conflict",
  "binary-conflict",
  "added-both",
  "removed-upstream-conflict"
]);
async function listOverlay(dir) {
  const out = [];
  const walk = async (rel) => {
    let entries;
    try {
      entries = await fs4.readdir(path5.join(dir, rel), { withFileTypes: true });
    } catch (e) {
      if (e.code === "ENOENT" && rel === "") {
        throw badInput(`overlay folder ${dir} does not exist`);
      }
      throw e;
    }
    for (const d of entries) {
      const r = rel ? `${rel}/${d.name}` : d.name;
      if (d.isDirectory()) await walk(r);
      else if (d.isFile()) out.push(r);
      else
        throw badInput(`overlay ${path5.join(dir, r)}: only regular files and folders are allowed`);
    }
  };
  await walk("");
  const set = new Set(out);
  return out.filter(
    (p) => !((p.endsWith(".old") || p.endsWith(".updated")) && set.has(p.replace(/\.(old|updated)$/, "")))
  ).sort();
}
async function mergeOverlay(overlayDir, plan, baseLevel, contents) {
  const files = [];
  for (const rel of await listOverlay(overlayDir)) {
    const ours = await fs4.readFile(path5.join(overlayDir, rel));
    const base = sourceAt(plan, rel, baseLevel);
    const theirs = sourceAt(plan, rel, plan.to);
    if (base === null && theirs === null) {
      files.push({ path: rel, outcome: "added", content: ours, rewrite: false });
      continue;
    }
    if (sameContent(base, theirs)) {
      files.push({ path: rel, outcome: "unchanged", content: ours, rewrite: false });
      continue;
    }
    const firstChange = plan.history.get(rel)?.versions.find((v) => v.level > baseLevel)?.level;
    const carried = firstChange === void 0 ? void 0 : await contents.baseBefore(firstChange, rel);
    const baseBuf = carried ?? (base ? await contents.read(base) : void 0);
    const theirsBuf = theirs ? await contents.read(theirs) : void 0;
    files.push(mergeOverlayFile(rel, baseBuf, ours, theirsBuf));
  }
  return { files, conflicts: files.filter((f) => CONFLICT_OUTCOMES.has(f.outcome)) };
}
var isConflict = (f) => CONFLICT_OUTCOMES.has(f.outcome);
function mergeOverlayFile(rel, base, ours, theirs) {
  const m = mergeFile(base, ours, theirs);
  const r = { path: rel, outcome: m.outcome, rewrite: false };
  if (base) r.base = base;
  if (theirs) r.theirs = theirs;
  if ("content" in m && m.content !== void 0) {
    r.content = m.content;
    r.rewrite = !m.content.equals(ours);
  }
  return r;
}
async function writeConflictFiles(overlayDir, conflicts) {
  const written = [];
  for (const c of conflicts) {
    const target = path5.join(overlayDir, c.path);
    if (c.base) {
      await writeFileAtomic(`${target}.old`, c.base);
      written.push(`${target}.old`);
    }
    if (c.theirs) {
      await writeFileAtomic(`${target}.updated`, c.theirs);
      written.push(`${target}.updated`);
    }
  }
  return written;
}
async function rewriteOverlay(overlayDir, result) {
  const changed = [];
  for (const f of result.files) {
    const target = path5.join(overlayDir, f.path);
    if (f.rewrite && f.content) {
      await writeFileAtomic(target, f.content);
      changed.push(f.path);
    } else if (f.content === void 0 && f.outcome === "removed-upstream") {
      await fs4.rm(target, { force: true });
      changed.push(f.path);
    }
  }
  return changed;
}
async function writeFileAtomic(file, data) {
  const tmp = `${file}.uplevel-tmp-${process.pid}`;
  let mode;
  try {
    mode = (await fs4.stat(file)).mode & 511;
  } catch {
    mode = void 0;
  }
  await fs4.writeFile(tmp, data, mode === void 0 ? {} : { mode });
  await fs4.rename(tmp, file);
}

// src/pipeline/pack-source.ts
init_errors();
import { promises as fs6 } from "node:fs";
import path8 from "node:path";

// src/client/download.ts
init_errors();
import { createHash as createHash4 } from "node:crypto";
import { createWriteStream, promises as fs5 } from "node:fs";
import path6 from "node:path";
import { pipeline as pipeline2 } from "node:stream/promises";
import { Transform as Transform3 } from "node:stream";

// src/client/http.ts
init_errors();
import http from "node:http";
import https from "node:https";
import { Readable as Readable2 } from "node:stream";
import tls from "node:tls";
function credentialsFromEnv(env = process.env) {
  if (env.UPLEVEL_TOKEN) return { token: env.UPLEVEL_TOKEN };
  if (env.UPLEVEL_USERNAME)
    return { username: env.UPLEVEL_USERNAME, password: env.UPLEVEL_PASSWORD ?? "" };
  return {};
}
var HttpStatusError = class extends Error {
  constructor(statusCode, url) {
    super(`HTTP ${statusCode} from ${url}`);
    this.statusCode = statusCode;
    this.url = url;
    this.name = "HttpStatusError";
  }
  statusCode;
  url;
};
function redactUrl(url) {
  try {
    const u = new URL(url);
    u.username = "";
    u.password = "";
    u.search = u.search ? "?\u2026" : "";
    return u.toString();
  } catch {
    return url.replace(/\/\/[^@/]*@/, "//");
  }
}
function retrySettings(env = process.env) {
  const num = (v, d) => v && /^\d+$/.test(v) ? Number(v) : d;
  return {
    retries: num(env.UPLEVEL_RETRIES, 4),
    baseDelayMs: num(env.UPLEVEL_RETRY_BASE_MS, 500),
    timeoutMs: num(env.UPLEVEL_HTTP_TIMEOUT_MS, 3e4)
  };
}
var sleep = (ms) => new Promise((r) => setTimeout(r, ms));
async function httpGetStream(url, opts = {}) {
  const env = opts.env ?? process.env;
  const defaults = retrySettings(env);
  const retries = opts.retries ?? defaults.retries;
  const base = opts.baseDelayMs ?? defaults.baseDelayMs;
  let lastError = "";
  for (let attempt = 0; attempt <= retries; attempt++) {
    if (attempt > 0) await sleep(base * 2 ** (attempt - 1) * (0.75 + Math.random() * 0.5));
    try {
      const res = await getFollowingRedirects(url, opts, defaults.timeoutMs, env);
      const status = res.statusCode ?? 0;
      if (status >= 200 && status < 300) {
        const len = Number(res.headers["content-length"]);
        const total = Number.isFinite(len) ? len : void 0;
        const body = Readable2.from(
          resumableBody(url, opts, res, total, {
            retries,
            base,
            timeoutMs: defaults.timeoutMs,
            env
          })
        );
        return total === void 0 ? { body } : { body, total };
      }
      res.resume();
      if (status === 429 || status >= 500) {
        lastError = `HTTP ${status}`;
        continue;
      }
      throw new HttpStatusError(status, redactUrl(url));
    } catch (e) {
      if (e instanceof HttpStatusError) throw e;
      lastError = e.code ?? e.message;
    }
  }
  throw unreachable(`cannot reach ${redactUrl(url)}: ${lastError} (after ${retries + 1} attempts)`);
}
async function* resumableBody(url, opts, first, total, s) {
  const validator = first.headers.etag ?? first.headers["last-modified"];
  let res = first;
  let received = 0;
  let failures = 0;
  for (; ; ) {
    let problem;
    try {
      for await (const chunk of res) {
        received += chunk.length;
        yield chunk;
      }
      if (total === void 0 || received >= total) return;
      problem = `connection closed after ${received} of ${total} bytes`;
    } catch (e) {
      problem = e.code ?? e.message;
    }
    if (++failures > s.retries) {
      throw unreachable(
        `download of ${redactUrl(url)} failed: ${problem} (after ${failures} attempts)`
      );
    }
    await sleep(s.base * 2 ** (failures - 1));
    const headers = { ...opts.headers };
    if (received > 0) {
      headers.Range = `bytes=${received}-`;
      if (typeof validator === "string") headers["If-Range"] = validator;
    }
    try {
      res = await getFollowingRedirects(url, { ...opts, headers }, s.timeoutMs, s.env);
    } catch (e) {
      res = emptyFailure(e);
      continue;
    }
    const range = /^bytes (\d+)-/.exec(String(res.headers["content-range"] ?? ""));
    const resumed = res.statusCode === 206 && range !== null && Number(range[1]) === received;
    const restarted = res.statusCode === 200 && received === 0;
    if (!resumed && !restarted) {
      res.resume();
      if ((res.statusCode ?? 0) >= 500 || res.statusCode === 429) {
        res = emptyFailure(new Error(`HTTP ${res.statusCode}`));
        continue;
      }
      throw unreachable(
        `download of ${redactUrl(url)} broke after ${received} bytes and the server cannot resume it (HTTP ${res.statusCode})`
      );
    }
  }
}
function emptyFailure(e) {
  const r = new Readable2({ read() {
  } });
  process.nextTick(
    () => r.destroy(e instanceof Error ? e : new Error(String(e)))
  );
  return r;
}
async function getFollowingRedirects(url, opts, timeoutMs, env) {
  let current = new URL(url);
  const origin = current.host;
  for (let hop = 0; hop < 6; hop++) {
    const headers = { "User-Agent": "uplevel", ...opts.headers };
    if (current.host === origin) Object.assign(headers, authHeader(opts.credentials, current));
    const res = await request(current, headers, timeoutMs, env);
    const status = res.statusCode ?? 0;
    if ([301, 302, 303, 307, 308].includes(status) && res.headers.location) {
      res.resume();
      current = new URL(res.headers.location, current);
      continue;
    }
    return res;
  }
  throw new Error("too many redirects");
}
function authHeader(c, url) {
  if (c?.token) return { Authorization: `Bearer ${c.token}` };
  if (c?.username)
    return {
      Authorization: `Basic ${Buffer.from(`${c.username}:${c.password ?? ""}`).toString("base64")}`
    };
  if (url.username) {
    const user = decodeURIComponent(url.username);
    const pass = decodeURIComponent(url.password);
    return { Authorization: `Basic ${Buffer.from(`${user}:${pass}`).toString("base64")}` };
  }
  return {};
}
function proxyFor(url, env) {
  const noProxy = (env.NO_PROXY ?? env.no_proxy ?? "").split(",").map((s) => s.trim().toLowerCase()).filter(Boolean);
  const host = url.hostname.toLowerCase();
  for (const n of noProxy) {
    if (n === "*" || host === n.replace(/^\./, "") || host.endsWith(n.startsWith(".") ? n : `.${n}`))
      return void 0;
  }
  const value = url.protocol === "https:" ? env.HTTPS_PROXY ?? env.https_proxy : env.HTTP_PROXY ?? env.http_proxy;
  if (!value) return void 0;
  try {
    return new URL(value.includes("://") ? value : `http://${value}`);
  } catch {
    return void 0;
  }
}
function request(url, headers, timeoutMs, env) {
  return new Promise((resolve, reject) => {
    const proxy = proxyFor(url, env);
    const proxyAuth = proxy?.username ? {
      "Proxy-Authorization": `Basic ${Buffer.from(`${decodeURIComponent(proxy.username)}:${decodeURIComponent(proxy.password)}`).toString("base64")}`
    } : {};
    const port = Number(url.port) || (url.protocol === "https:" ? 443 : 80);
    const path39 = `${url.pathname}${url.search}`;
    const onResponse = (res) => {
      res.setTimeout(timeoutMs, () => res.destroy(new Error(`no data for ${timeoutMs} ms`)));
      resolve(res);
    };
    let req;
    if (!proxy) {
      const mod = url.protocol === "https:" ? https : http;
      req = mod.request({ host: url.hostname, port, path: path39, headers, method: "GET" }, onResponse);
    } else if (url.protocol === "http:") {
      req = http.request(
        {
          host: proxy.hostname,
          port: Number(proxy.port) || 80,
          path: url.toString().replace(/\/\/[^@/]*@/, "//"),
          headers: { ...headers, ...proxyAuth, Host: url.host },
          method: "GET"
        },
        onResponse
      );
    } else {
      const connect = http.request({
        host: proxy.hostname,
        port: Number(proxy.port) || 80,
        method: "CONNECT",
        path: `${url.hostname}:${port}`,
        headers: { Host: `${url.hostname}:${port}`, ...proxyAuth }
      });
      connect.setTimeout(timeoutMs, () => connect.destroy(new Error("proxy timed out")));
      connect.once("connect", (res, socket) => {
        if (res.statusCode !== 200) {
          socket.destroy();
          reject(new Error(`proxy CONNECT answered ${res.statusCode}`));
          return;
        }
        const inner = https.request(
          {
            host: url.hostname,
            port,
            path: path39,
            headers,
            method: "GET",
            createConnection: () => tls.connect({ socket, servername: url.hostname })
          },
          onResponse
        );
        inner.setTimeout(
          timeoutMs,
          () => inner.destroy(new Error(`no answer for ${timeoutMs} ms`))
        );
        inner.once("error", reject);
        inner.end();
      });
      connect.once("error", reject);
      connect.end();
      return;
    }
    req.setTimeout(timeoutMs, () => req.destroy(new Error(`no answer for ${timeoutMs} ms`)));
    req.once("error", reject);
    req.end();
  });
}

// src/client/download.ts
async function downloadVerified(url, sha2562, opts) {
  await fs5.mkdir(opts.dir, { recursive: true });
  const file = path6.join(opts.dir, `${sha2562}.zip`);
  try {
    if (await sha256File(file) === sha2562) return file;
  } catch {
  }
  const tmp = `${file}.${process.pid}.part`;
  try {
    const { body, total } = await httpGetStream(url, opts.env ? { env: opts.env } : {});
    const hash = createHash4("sha256");
    let bytes = 0;
    const count = new Transform3({
      transform(chunk, _e, cb) {
        hash.update(chunk);
        bytes += chunk.length;
        opts.onProgress?.(bytes, total);
        cb(null, chunk);
      }
    });
    await pipeline2(body, count, createWriteStream(tmp));
    const got = hash.digest("hex");
    if (got !== sha2562)
      throw verificationFailed(`pack.sha256 does not match the download from ${redactUrl(url)}`);
    await fs5.rename(tmp, file);
    return file;
  } finally {
    await fs5.rm(tmp, { force: true });
  }
}

// src/pipeline/cache-dir.ts
import os from "node:os";
import path7 from "node:path";
function cacheDir(env = process.env) {
  if (env.UPLEVEL_CACHE_DIR) return path7.resolve(env.UPLEVEL_CACHE_DIR);
  const base = env.XDG_CACHE_HOME ? path7.resolve(env.XDG_CACHE_HOME) : path7.join(os.homedir(), ".cache");
  return path7.join(base, "uplevel");
}

// src/pipeline/pack-source.ts
async function resolvePackFile(lock, repo, override, reporter, env = process.env) {
  if (override) {
    await mustExist(override, "--pack");
    return { file: override };
  }
  if (lock.pack?.path) {
    await mustExist(lock.pack.path, `${lock.file}: pack.path`);
    const sha = await sha256File(lock.pack.path);
    if (sha !== lock.pack.sha256) {
      throw verificationFailed(`${lock.file}: pack.sha256 does not match ${lock.pack.path}`);
    }
    return { file: lock.pack.path, verifiedSha256: sha };
  }
  if (lock.pack?.url) {
    reporter.info(`Downloading the pack from ${redactUrl(lock.pack.url)}`);
    const file = await downloadVerified(lock.pack.url, lock.pack.sha256, {
      dir: path8.join(cacheDir(env), "packs"),
      env,
      onProgress: (bytes, total) => reporter.progress("Downloading pack", bytes, total ?? 0)
    });
    return { file, verifiedSha256: lock.pack.sha256 };
  }
  if (repo?.index.pack) {
    reporter.info(`Fetching the GA pack`);
    const file = await repo.client.fetchTarget(repo.index.pack.target);
    const info = await repo.client.targetInfo(repo.index.pack.target);
    return info ? { file, verifiedSha256: info.sha256 } : { file };
  }
  throw badInput(
    `${lock.file}: no pack: give --pack, set pack: in the lock, or publish the GA pack in the repository`
  );
}
async function mustExist(file, what) {
  try {
    const st = await fs6.stat(file);
    if (!st.isFile()) throw badInput(`${what}: ${file} is not a file`);
  } catch (e) {
    if (e.code === "ENOENT")
      throw badInput(`${what}: ${file} does not exist`);
    throw e;
  }
}

// src/pipeline/wso2/update-tool.ts
init_errors();
import { spawn } from "node:child_process";
import { createWriteStream as createWriteStream2, promises as fs7 } from "node:fs";
import path9 from "node:path";

// src/core/update-model.ts
var U2_STATE = "updates/config.json";
var IN_PLACE_STATE = "updates/config.yaml";
function u2ToolName(platform, arch) {
  if (platform === "win32") return "wso2update_windows.exe";
  const os6 = platform === "darwin" ? "darwin" : "linux";
  return arch === "arm64" ? `wso2update_${os6}_arm64` : `wso2update_${os6}`;
}
function detectUpdateModel(files, platform = process.platform, arch = process.arch) {
  const product = files.text("updates/product.txt")?.trim() || void 0;
  const withProduct = (m) => product ? { ...m, product } : m;
  if (files.has(U2_STATE)) {
    const level = u2Level(files.text(U2_STATE));
    const names = [u2ToolName(platform, arch), u2ToolName(platform, "x64")];
    const tool = names.map((n) => `bin/${n}`).find((p) => files.has(p));
    const note = tool ? `WSO2 Updates 2.0 pack: ${tool} updates it (source: wso2)` : files.has("bin/update_tool_setup.sh") ? "WSO2 Updates 2.0 pack: the tool is not bundled; bin/update_tool_setup.sh fetches it" : "WSO2 Updates 2.0 pack: the update tool is missing from bin/";
    return withProduct({
      kind: "wso2-u2",
      ...tool ? { tool } : {},
      ...level !== void 0 ? { level } : {},
      note
    });
  }
  if (files.has(IN_PLACE_STATE)) {
    const tool = ["bin/update_linux", "bin/update_darwin", "bin/update_windows.exe"].find(
      (p) => files.has(p)
    );
    return withProduct({
      kind: "wso2-in-place",
      ...tool ? { tool } : {},
      note: "WSO2 in-place update tool pack (decommissioned 7 March 2023): move to Updates 2.0"
    });
  }
  if (files.has("updates/wum")) {
    return withProduct({
      kind: "wso2-wum",
      note: "WSO2 WUM pack (decommissioned 7 March 2023): move to Updates 2.0"
    });
  }
  return { kind: "none", note: "no vendor update tool state" };
}
function u2Level(text) {
  if (text === void 0) return void 0;
  try {
    const v = JSON.parse(text)["update-level"];
    const n = typeof v === "string" && /^-?\d+$/.test(v) ? Number(v) : v;
    return typeof n === "number" && Number.isInteger(n) && n >= 0 ? n : void 0;
  } catch {
    return void 0;
  }
}

// src/pipeline/wso2/update-tool.ts
var U2_EXIT = { ok: 0, error: 1, selfUpdated: 2, conflicts: 3, reverted: 4 };
var MAX_SELF_UPDATES = 3;
var DEFAULT_TIMEOUT_MS = 60 * 60 * 1e3;
var CONFLICT_SUFFIXES = [".original", ".new", ".old", ".updated", ".diff"];
async function currentU2Level(home) {
  const text = await fs7.readFile(path9.join(home, U2_STATE), "utf8").catch(() => void 0);
  if (text === void 0) return void 0;
  return u2Level(text) ?? 0;
}
async function runUpdateTool(opts) {
  const tool = await findTool(opts.home);
  const env = toolEnv(opts.env);
  const args = [
    "--no-backup",
    ...opts.level === void 0 ? [] : ["--level", String(opts.level)]
  ];
  await fs7.mkdir(path9.dirname(opts.logFile), { recursive: true });
  const log = createWriteStream2(opts.logFile, { flags: "a" });
  const timeoutMs = Number(opts.env.UPLEVEL_WSO2_TIMEOUT_MS) || DEFAULT_TIMEOUT_MS;
  try {
    for (let run2 = 1; ; run2++) {
      const cwd = path9.dirname(tool);
      const { code, tail } = await runOnce(tool, args, cwd, env, log, timeoutMs, opts.onLine);
      if (code === U2_EXIT.selfUpdated && run2 <= MAX_SELF_UPDATES) continue;
      if (code === U2_EXIT.ok) {
        const level = await currentU2Level(opts.home);
        if (level === void 0) {
          throw badInput(`${path9.join(opts.home, U2_STATE)}: missing after the update tool ran`);
        }
        return { level, runs: run2, logFile: opts.logFile };
      }
      throw await failure(code, tail, opts.home, opts.logFile, run2);
    }
  } finally {
    await new Promise((r) => log.end(r));
  }
}
async function findTool(home) {
  const names = [u2ToolName(process.platform, process.arch), u2ToolName(process.platform, "x64")];
  for (const n of names) {
    const file = path9.join(home, "bin", n);
    const st = await fs7.stat(file).catch(() => void 0);
    if (st?.isFile()) {
      if ((st.mode & 64) === 0) await fs7.chmod(file, st.mode | 493);
      return file;
    }
  }
  const setup = await fs7.stat(path9.join(home, "bin", "update_tool_setup.sh")).catch(() => void 0);
  throw badInput(
    `${path9.basename(home)}: bin/${names[0]} is missing${setup ? " (this pack fetches it with bin/update_tool_setup.sh: run that once and publish the pack with the tool)" : ""}`
  );
}
function toolEnv(base) {
  const env = {};
  for (const [k, v] of Object.entries(base)) {
    if (/^(UPLEVEL_(TOKEN|USERNAME|PASSWORD)|INPUT_.*|ACTIONS_RUNTIME_TOKEN|WSO2_(USERNAME|PASSWORD))$/.test(
      k
    ))
      continue;
    env[k] = v;
  }
  if (!base.WSO2_USERNAME || !base.WSO2_PASSWORD) {
    throw badInput(
      "source: wso2 needs WSO2_USERNAME and WSO2_PASSWORD (the WSO2 subscription login) in the environment"
    );
  }
  env.UPDATE_TOOL_USERNAME = base.WSO2_USERNAME;
  env.UPDATE_TOOL_PASSWORD = base.WSO2_PASSWORD;
  return env;
}
function runOnce(tool, args, cwd, env, log, timeoutMs, onLine) {
  return new Promise((resolve, reject) => {
    log.write(`$ ${path9.basename(tool)} ${args.join(" ")}
`);
    const child = spawn(tool, args, { cwd, env, stdio: ["ignore", "pipe", "pipe"] });
    const tail = [];
    let partial = "";
    const take = (d) => {
      log.write(d);
      const lines = (partial + d.toString("utf8")).split(/\r?\n/);
      partial = lines.pop() ?? "";
      for (const l of lines) {
        if (l.trim() === "") continue;
        tail.push(l);
        if (tail.length > 20) tail.shift();
        onLine?.(l);
      }
    };
    child.stdout.on("data", take);
    child.stderr.on("data", take);
    const timer = setTimeout(() => child.kill("SIGKILL"), timeoutMs);
    child.on("error", (e) => {
      clearTimeout(timer);
      reject(badInput(`${tool}: cannot run the WSO2 update tool (${e.message})`));
    });
    child.on("close", (code, signal) => {
      clearTimeout(timer);
      if (partial.trim()) tail.push(partial);
      if (signal) {
        reject(
          new UplevelError(
            ExitCode.unreachable,
            `the WSO2 update tool was stopped (${signal}) after ${timeoutMs} ms (UPLEVEL_WSO2_TIMEOUT_MS)`
          )
        );
      } else resolve({ code: code ?? 1, tail });
    });
  });
}
async function failure(code, tail, home, logFile, runs) {
  const last = tail.at(-1) ?? "no output";
  const details = [...tail.slice(-5), `full log: ${logFile}`];
  if (code === U2_EXIT.selfUpdated) {
    return new UplevelError(
      ExitCode.bug,
      `the WSO2 update tool asked to be run again ${runs} times (exit 2); giving up`,
      details
    );
  }
  if (code === U2_EXIT.conflicts) {
    const files = await conflictLeftovers(home);
    return new UplevelError(
      ExitCode.conflict,
      `the WSO2 update tool found conflicts in ${new Set(files.map(stripSuffix)).size} file(s); nothing was published`,
      [...files.map((f) => `${f}`), `full log: ${logFile}`]
    );
  }
  if (code === U2_EXIT.error) {
    if (/credential|unauthori[sz]ed|authenticat|\b401\b|password/i.test(tail.join("\n"))) {
      return badInput(`the WSO2 update service refused the credentials: ${last}`, details);
    }
    return new UplevelError(
      ExitCode.unreachable,
      `the WSO2 update tool failed (exit 1): ${last}`,
      details
    );
  }
  if (code === U2_EXIT.reverted) {
    return new UplevelError(
      ExitCode.conflict,
      `the WSO2 update tool reverted the update (exit 4): ${last}`,
      details
    );
  }
  return new UplevelError(
    ExitCode.bug,
    `the WSO2 update tool exited with ${code}: ${last}`,
    details
  );
}
var stripSuffix = (f) => {
  const s = CONFLICT_SUFFIXES.find((x) => f.endsWith(x));
  return s ? f.slice(0, -s.length) : f;
};
async function conflictLeftovers(home) {
  const { files } = await listTree(home, { skipDir: (rel) => rel === "updates/logs" });
  const present = new Set(files);
  return files.filter(
    (f) => CONFLICT_SUFFIXES.some((s) => f.endsWith(s)) && present.has(stripSuffix(f))
  );
}

// src/pipeline/wso2/write-folder-pack.ts
import { promises as fs10 } from "node:fs";
import path11 from "node:path";

// src/zip/writer.ts
init_errors();
import { promises as fs8 } from "node:fs";
import { deflateRawSync } from "node:zlib";

// src/zip/output-hasher.ts
import { createHash as createHash5 } from "node:crypto";
import { Worker } from "node:worker_threads";
function inlineHasher() {
  const hash = createHash5("sha256");
  return {
    issued: (bufs) => {
      for (const b of bufs) hash.update(b);
    },
    written: () => void 0,
    digest: async () => hash.digest("hex"),
    abort: async () => void 0
  };
}
var WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const fs = require('node:fs');
const { createHash } = require('node:crypto');
const fd = fs.openSync(workerData.file, 'r');
const hash = createHash('sha256');
const buf = Buffer.allocUnsafe(1 << 20);
let at = 0;
parentPort.on('message', ({ upTo, last }) => {
  try {
    while (at < upTo) {
      const n = fs.readSync(fd, buf, 0, Math.min(buf.length, upTo - at), at);
      if (n === 0) throw new Error('the file ends at byte ' + at + ', before ' + upTo);
      hash.update(n === buf.length ? buf : buf.subarray(0, n));
      at += n;
    }
    if (last) {
      fs.closeSync(fd);
      parentPort.postMessage({ sha256: hash.digest('hex') });
    }
  } catch (e) {
    parentPort.postMessage({ error: String((e && e.message) || e) });
  }
});
`;
function workerHasher(file) {
  const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { file } });
  let posted = 0;
  let failure2;
  const result = new Promise((resolve, reject) => {
    worker.on("message", (m) => {
      if (m.sha256) resolve(m.sha256);
      else reject(failure2 = new Error(`hashing ${file}: ${m.error}`));
    });
    worker.on("error", (e) => reject(failure2 = e));
    worker.on("exit", (code) => reject(failure2 ?? new Error(`hashing ${file}: exited (${code})`)));
  });
  result.catch(() => void 0);
  return {
    issued: () => void 0,
    written: (upTo) => {
      if (upTo <= posted || failure2) return;
      posted = upTo;
      worker.postMessage({ upTo, last: false });
    },
    digest: async (total) => {
      worker.postMessage({ upTo: total, last: true });
      try {
        return await result;
      } finally {
        await worker.terminate();
      }
    },
    abort: async () => {
      await worker.terminate();
    }
  };
}

// src/zip/writer.ts
var MAX322 = 4294967295;
var MAX162 = 65535;
var FLAG_UTF8 = 2048;
var BUFFER_SIZE = 1 << 20;
var MAX_IN_FLIGHT = 4;
function toDosDateTime(d) {
  const t = Math.min(
    Math.max(d.getTime(), Date.UTC(1980, 0, 1)),
    Date.UTC(2107, 11, 31, 23, 59, 58)
  );
  const u = new Date(t);
  return {
    dosDate: u.getUTCFullYear() - 1980 << 9 | u.getUTCMonth() + 1 << 5 | u.getUTCDate(),
    dosTime: u.getUTCHours() << 11 | u.getUTCMinutes() << 5 | u.getUTCSeconds() >> 1
  };
}
var ZipWriter = class _ZipWriter {
  constructor(handle2, file, forceZip64, durable, hash) {
    this.handle = handle2;
    this.file = file;
    this.forceZip64 = forceZip64;
    this.durable = durable;
    this.hash = hash;
  }
  handle;
  file;
  forceZip64;
  durable;
  hash;
  central = [];
  names = /* @__PURE__ */ new Set();
  /** Bytes of the archive so far (headers and data), i.e. the next entry's offset. */
  offset = 0;
  /** Bytes handed to the file so far. */
  written = 0;
  /** Writes not yet known to be done, oldest first, with where each ends. */
  inFlight = [];
  pending = [];
  /** Leases on the pending pieces' read buffers, given back once they are written. */
  pendingReleases = [];
  pendingBytes = 0;
  finished = false;
  /** Set when an entry failed half-written: the file is unusable, only abort() remains. */
  broken;
  static async create(file, opts = {}) {
    const handle2 = await fs8.open(file, "w");
    let hash;
    try {
      hash = opts.hashOnWorker ? workerHasher(file) : inlineHasher();
    } catch (e) {
      await handle2.close();
      await fs8.rm(file, { force: true });
      throw e;
    }
    return new _ZipWriter(handle2, file, Boolean(opts.forceZip64), Boolean(opts.durable), hash);
  }
  async addDirectory(name, opts) {
    const dirName = name.endsWith("/") ? name : `${name}/`;
    const mode = opts.mode ?? 493;
    await this.writeEntry(
      {
        name: dirName,
        compressionMethod: 0,
        crc32: 0,
        compressedSize: 0,
        uncompressedSize: 0,
        mode: (mode & 61440) === 0 ? 16384 | mode : mode,
        dosDate: opts.dosDate,
        dosTime: opts.dosTime
      },
      true,
      async () => void 0
    );
  }
  /** Copies already-compressed bytes; their count must match the declared compressed size. */
  /**
   * Copies already-compressed bytes; their count must match the declared compressed size.
   * Pieces may be leases on read buffers (SafeZip.readRawChunks): each is released once
   * its write has completed.
   */
  async addRaw(meta, compressed) {
    if (meta.compressionMethod !== 0 && meta.compressionMethod !== 8) {
      throw new Error(`zip writer: unsupported compression method ${meta.compressionMethod}`);
    }
    if (meta.compressionMethod === 0 && meta.compressedSize !== meta.uncompressedSize) {
      throw new Error(`zip writer: ${meta.name}: stored entry with two different sizes`);
    }
    await this.writeEntry(meta, false, async () => {
      let copied = 0;
      for await (const item of compressed) {
        const piece = Buffer.isBuffer(item) ? { data: item } : item;
        copied += piece.data.length;
        if (copied > meta.compressedSize) {
          piece.release?.();
          break;
        }
        await this.write(piece.data, piece.release);
      }
      if (copied !== meta.compressedSize) {
        if ("destroy" in compressed) compressed.destroy();
        throw new Error(
          `zip writer: ${meta.name}: got ${copied} compressed bytes, expected ${meta.compressedSize}`
        );
      }
    });
  }
  async addBuffer(name, data, opts) {
    let body = data;
    let method = 0;
    if (opts.compress !== false && data.length > 0) {
      const deflated = deflateRawSync(data, { level: 6 });
      if (deflated.length < data.length) {
        body = deflated;
        method = 8;
      }
    }
    await this.writeEntry(
      {
        name,
        compressionMethod: method,
        crc32: crc32(data),
        compressedSize: body.length,
        uncompressedSize: data.length,
        mode: opts.mode ?? 420,
        dosDate: opts.dosDate,
        dosTime: opts.dosTime
      },
      false,
      () => this.write(body)
    );
  }
  async finish() {
    this.usable();
    this.finished = true;
    const cdStart = this.offset;
    for (const r of this.central) await this.write(centralHeader(r, this.forceZip64));
    const cdSize = this.offset - cdStart;
    const count = this.central.length;
    const zip64 = this.forceZip64 || count >= MAX162 || cdStart >= MAX322 || cdSize >= MAX322;
    if (zip64) {
      const eocd64Offset = this.offset;
      const rec = Buffer.alloc(56);
      rec.writeUInt32LE(101075792, 0);
      rec.writeBigUInt64LE(44n, 4);
      rec.writeUInt16LE(3 << 8 | 45, 12);
      rec.writeUInt16LE(45, 14);
      rec.writeUInt32LE(0, 16);
      rec.writeUInt32LE(0, 20);
      rec.writeBigUInt64LE(BigInt(count), 24);
      rec.writeBigUInt64LE(BigInt(count), 32);
      rec.writeBigUInt64LE(BigInt(cdSize), 40);
      rec.writeBigUInt64LE(BigInt(cdStart), 48);
      const loc = Buffer.alloc(20);
      loc.writeUInt32LE(117853008, 0);
      loc.writeUInt32LE(0, 4);
      loc.writeBigUInt64LE(BigInt(eocd64Offset), 8);
      loc.writeUInt32LE(1, 16);
      await this.write(rec);
      await this.write(loc);
    }
    const end = Buffer.alloc(22);
    end.writeUInt32LE(101010256, 0);
    end.writeUInt16LE(0, 4);
    end.writeUInt16LE(0, 6);
    end.writeUInt16LE(zip64 ? MAX162 : count, 8);
    end.writeUInt16LE(zip64 ? MAX162 : count, 10);
    end.writeUInt32LE(zip64 ? MAX322 : cdSize, 12);
    end.writeUInt32LE(zip64 ? MAX322 : cdStart, 16);
    end.writeUInt16LE(0, 20);
    await this.write(end);
    await this.flush();
    await this.drain();
    if (this.durable) await this.handle.sync();
    const sha2562 = await this.hash.digest(this.written);
    await this.handle.close();
    return { bytes: this.offset, entries: count, sha256: sha2562 };
  }
  /** Closes and deletes the partial file. */
  async abort() {
    this.finished = true;
    await Promise.allSettled(this.inFlight.map((w) => w.done));
    for (const release of this.pendingReleases) release();
    this.pendingReleases = [];
    this.pending = [];
    await this.hash.abort();
    await this.handle.close().catch(() => void 0);
    await fs8.rm(this.file, { force: true });
  }
  async writeEntry(meta, isDirectory, body) {
    this.usable();
    checkName(meta.name, isDirectory);
    if (this.names.has(meta.name)) throw new Error(`zip writer: duplicate entry ${meta.name}`);
    this.names.add(meta.name);
    const mode = (meta.mode & 61440) === 0 ? (isDirectory ? 16384 : 32768) | meta.mode : meta.mode;
    const record = { ...meta, mode, offset: this.offset, isDirectory };
    try {
      await this.write(localHeader(record, this.forceZip64));
      await body();
    } catch (e) {
      this.broken = e instanceof Error ? e : new Error(String(e));
      throw e;
    }
    this.central.push(record);
  }
  usable() {
    if (this.finished) throw new Error("zip writer: already finished");
    if (this.broken)
      throw new Error(`zip writer: an earlier entry failed (${this.broken.message})`);
  }
  /** `release`, when given, is called once the bytes are in the file (or the write failed). */
  async write(buf, release) {
    this.offset += buf.length;
    if (buf.length >= BUFFER_SIZE) {
      await this.flush();
      await this.issue([buf], release ? [release] : []);
      return;
    }
    this.pending.push(buf);
    if (release) this.pendingReleases.push(release);
    this.pendingBytes += buf.length;
    if (this.pendingBytes >= BUFFER_SIZE) await this.flush();
  }
  async flush() {
    if (this.pendingBytes === 0) return;
    const bufs = this.pending;
    const releases = this.pendingReleases;
    this.pending = [];
    this.pendingReleases = [];
    this.pendingBytes = 0;
    await this.issue(bufs, releases);
  }
  /**
   * Writes at a fixed position without waiting, keeping a few writes in flight so reading
   * the next entry overlaps writing this one (and the hashing, wherever it runs).
   * Small pieces go out in one writev rather than being copied into one buffer: that copy
   * allocated the whole pack a second time, and collecting it was a sixth of the run.
   */
  async issue(list, releases) {
    let length = 0;
    for (const b of list) length += b.length;
    this.hash.issued(list);
    const position = this.written;
    this.written += length;
    const done = writeAllAt(this.handle, list, position).catch((e) => {
      throw withPath(e, this.file);
    });
    const free = () => {
      for (const release of releases) release();
    };
    void done.then(free, free);
    this.inFlight.push({ done, end: this.written });
    while (this.inFlight.length > MAX_IN_FLIGHT) await this.settleOldest();
  }
  async drain() {
    while (this.inFlight.length > 0) await this.settleOldest();
  }
  /** Waits for the oldest write; everything before its end is then in the file. */
  async settleOldest() {
    const w = this.inFlight.shift();
    await w.done;
    this.hash.written(w.end);
  }
};
function checkName(name, isDirectory) {
  const length = Buffer.byteLength(name, "utf8");
  if (length === 0 || length > MAX162)
    throw new Error(`zip writer: bad entry name length ${length}`);
  if (name.endsWith("/") !== isDirectory)
    throw new Error(`zip writer: ${name}: only folder names end with '/'`);
}
async function writeAllAt(handle2, bufs, position) {
  let rest = bufs;
  let at = position;
  while (rest.length > 0) {
    const { bytesWritten } = rest.length === 1 ? await handle2.write(rest[0], 0, rest[0].length, at) : await handle2.writev(rest, at);
    at += bytesWritten;
    rest = afterWritten(rest, bytesWritten);
  }
}
function afterWritten(bufs, n) {
  let skip = n;
  let i = 0;
  while (i < bufs.length && skip >= bufs[i].length)
    skip -= bufs[i++].length;
  const rest = bufs.slice(i);
  if (skip > 0 && rest.length > 0) rest[0] = rest[0].subarray(skip);
  return rest;
}
function needsZip64Sizes(r, force) {
  return force || r.uncompressedSize >= MAX322 || r.compressedSize >= MAX322;
}
function localHeader(r, force) {
  const name = Buffer.from(r.name, "utf8");
  const zip64 = needsZip64Sizes(r, force);
  const extra = zip64 ? Buffer.alloc(20) : Buffer.alloc(0);
  if (zip64) {
    extra.writeUInt16LE(1, 0);
    extra.writeUInt16LE(16, 2);
    extra.writeBigUInt64LE(BigInt(r.uncompressedSize), 4);
    extra.writeBigUInt64LE(BigInt(r.compressedSize), 12);
  }
  const h = Buffer.alloc(30);
  h.writeUInt32LE(67324752, 0);
  h.writeUInt16LE(zip64 ? 45 : 20, 4);
  h.writeUInt16LE(FLAG_UTF8, 6);
  h.writeUInt16LE(r.compressionMethod, 8);
  h.writeUInt16LE(r.dosTime, 10);
  h.writeUInt16LE(r.dosDate, 12);
  h.writeUInt32LE(r.crc32 >>> 0, 14);
  h.writeUInt32LE(zip64 ? MAX322 : r.compressedSize, 18);
  h.writeUInt32LE(zip64 ? MAX322 : r.uncompressedSize, 22);
  h.writeUInt16LE(name.length, 26);
  h.writeUInt16LE(extra.length, 28);
  return Buffer.concat([h, name, extra]);
}
function centralHeader(r, force) {
  const name = Buffer.from(r.name, "utf8");
  const sizes64 = needsZip64Sizes(r, force);
  const offset64 = force || r.offset >= MAX322;
  const fields = [];
  if (sizes64) fields.push(BigInt(r.uncompressedSize), BigInt(r.compressedSize));
  if (offset64) fields.push(BigInt(r.offset));
  const extra = Buffer.alloc(fields.length ? 4 + 8 * fields.length : 0);
  if (fields.length) {
    extra.writeUInt16LE(1, 0);
    extra.writeUInt16LE(8 * fields.length, 2);
    fields.forEach((v, i) => extra.writeBigUInt64LE(v, 4 + 8 * i));
  }
  const version = sizes64 || offset64 ? 45 : 20;
  const h = Buffer.alloc(46);
  h.writeUInt32LE(33639248, 0);
  h.writeUInt16LE(3 << 8 | version, 4);
  h.writeUInt16LE(version, 6);
  h.writeUInt16LE(FLAG_UTF8, 8);
  h.writeUInt16LE(r.compressionMethod, 10);
  h.writeUInt16LE(r.dosTime, 12);
  h.writeUInt16LE(r.dosDate, 14);
  h.writeUInt32LE(r.crc32 >>> 0, 16);
  h.writeUInt32LE(sizes64 ? MAX322 : r.compressedSize, 20);
  h.writeUInt32LE(sizes64 ? MAX322 : r.uncompressedSize, 24);
  h.writeUInt16LE(name.length, 28);
  h.writeUInt16LE(extra.length, 30);
  h.writeUInt16LE(0, 32);
  h.writeUInt16LE(0, 34);
  h.writeUInt16LE(0, 36);
  h.writeUInt32LE((r.mode << 16 | (r.isDirectory ? 16 : 0)) >>> 0, 38);
  h.writeUInt32LE(offset64 ? MAX322 : r.offset, 42);
  return Buffer.concat([h, name, extra]);
}

// src/pipeline/write-pack.ts
import { promises as fs9 } from "node:fs";
import path10 from "node:path";
init_types();
function rawEntryMeta(name, e, mode) {
  return {
    name,
    compressionMethod: e.compressionMethod,
    crc32: e.crc32,
    compressedSize: e.compressedSize,
    uncompressedSize: e.uncompressedSize,
    mode,
    dosDate: e.dosDate,
    dosTime: e.dosTime
  };
}
async function writeUpdatedZip(out, layout, opts) {
  const tmp = path10.join(path10.dirname(out), `.${path10.basename(out)}.uplevel-${process.pid}.tmp`);
  const writer = await ZipWriter.create(tmp, { hashOnWorker: true });
  const dos = toDosDateTime(opts.time);
  const hashes = /* @__PURE__ */ new Map();
  try {
    await writer.addDirectory(`${layout.top}/`, { mode: 493, ...dos });
    for (const d of layout.dirs)
      await writer.addDirectory(`${layout.top}/${d}/`, { mode: 493, ...dos });
    let done = 0;
    for (const f of layout.files) {
      const name = `${layout.top}/${f.path}`;
      if (f.kind === "bytes") {
        await writer.addBuffer(name, f.data, { mode: f.mode, ...dos });
        hashes.set(f.path, sha256(f.data));
      } else {
        const e = f.from.entry;
        const meta = rawEntryMeta(name, e, f.from.mode);
        if (f.from.trusted && f.from.vendorSha256) {
          await writer.addRaw(meta, f.from.zip.readRawChunks(e));
          hashes.set(f.path, f.from.vendorSha256);
        } else {
          const sha = await teeRawVerified(f.from, (raw) => writer.addRaw(meta, raw));
          hashes.set(f.path, f.from.vendorSha256 ?? sha);
        }
      }
      opts.onProgress?.(++done, layout.files.length);
    }
    await writer.addBuffer(`${layout.top}/${PACK_STATE_PATH}`, opts.stateFile(hashes), {
      mode: 420,
      ...dos
    });
    const { bytes, sha256: fileSha256 } = await writer.finish();
    await fs9.rename(tmp, out);
    return { hashes, bytes, sha256: fileSha256 };
  } catch (e) {
    await writer.abort().catch(() => void 0);
    await fs9.rm(tmp, { force: true });
    const err = e;
    if (err?.path === tmp) err.path = out;
    throw e;
  }
}

// src/pipeline/wso2/write-folder-pack.ts
var FIXED_TIME = toDosDateTime(new Date(Date.UTC(2e3, 0, 1)));
async function writeFolderAsPack(opts) {
  const overlay = new Map(opts.overlay.map((f) => [f.path, f]));
  const fileSet = new Set(opts.tree.files);
  const dirSet = new Set(opts.tree.dirs);
  for (const f of opts.overlay) {
    if (!f.content) continue;
    fileSet.add(f.path);
    const parts = f.path.split("/");
    for (let i = 1; i < parts.length; i++) dirSet.add(parts.slice(0, i).join("/"));
  }
  const files = [...fileSet].sort(cmp);
  const dirs = [...dirSet].sort(cmp);
  const tmp = path11.join(
    path11.dirname(opts.out),
    `.${path11.basename(opts.out)}.uplevel-${process.pid}.tmp`
  );
  const writer = await ZipWriter.create(tmp);
  try {
    await writer.addDirectory(`${opts.top}/`, { mode: 493, ...FIXED_TIME });
    for (const d of dirs)
      await writer.addDirectory(`${opts.top}/${d}/`, { mode: 493, ...FIXED_TIME });
    let done = 0;
    for (const rel of files) {
      const name = `${opts.top}/${rel}`;
      const o = overlay.get(rel);
      const entry = opts.unchanged.get(rel);
      if (o) {
        if (!o.content) continue;
        const mode = entry ? entry.mode & 511 : 420;
        await writer.addBuffer(name, o.content, { mode: mode || 420, ...FIXED_TIME });
      } else if (entry) {
        await writer.addRaw(
          rawEntryMeta(name, entry, entry.mode & 511 || 420),
          opts.zip.readRawChunks(entry)
        );
      } else {
        const file = path11.join(opts.home, rel);
        const st = await fs10.stat(file);
        await writer.addBuffer(name, await fs10.readFile(file), {
          mode: st.mode & 511,
          ...FIXED_TIME
        });
      }
      opts.onProgress?.(++done, files.length);
    }
    const { bytes, sha256: sha2562 } = await writer.finish();
    await fs10.rename(tmp, opts.out);
    return { bytes, sha256: sha2562 };
  } catch (e) {
    await writer.abort().catch(() => void 0);
    await fs10.rm(tmp, { force: true });
    throw e;
  }
}

// src/pipeline/wso2/apply-wso2.ts
async function applyWso2(req) {
  const { lock, reporter } = req;
  const env = req.env ?? process.env;
  if (req.dir) {
    throw badInput(
      "source: wso2 writes a pack (--out ZIP); to update a folder, run the WSO2 update tool in it"
    );
  }
  if (!req.dryRun && !req.out) throw badInput("apply needs --out ZIP (or --dry-run)");
  const packFile = await resolvePackFile(lock, void 0, req.pack, reporter, env);
  const label = req.pack ?? lock.pack?.path ?? "the lock\u2019s pack";
  const work = await fs11.mkdtemp(path12.join(os2.tmpdir(), "uplevel-wso2-"));
  const logFile = req.out ? `${req.out}.wso2update.log` : path12.join(work, "wso2update.log");
  const zip = await SafeZip.open(packFile.file, { label });
  try {
    const wanted = `${lock.product}-${lock.version}`;
    const top = zip.topFolder();
    if (top !== wanted) {
      throw badInput(
        `${label}: top folder is ${top ?? "missing"}, expected ${wanted}/ for this lock`
      );
    }
    reporter.info(`Extracting ${label}`);
    const home = path12.join(work, top);
    await extractPack(packFile.file, home);
    const from = await currentU2Level(home);
    if (from === void 0) {
      throw badInput(`${label}: not a WSO2 Updates 2.0 pack (no ${top}/updates/config.json)`);
    }
    if (typeof req.level === "number" && req.level < from) {
      throw badInput(`--level ${req.level} is below the pack's WSO2 update level ${from}`);
    }
    if (typeof req.level === "number" && req.level < lock.level) {
      throw badInput(`--level ${req.level} is below the lock's level ${lock.level}`);
    }
    let runs = 0;
    const run2 = async (level) => {
      reporter.info(
        `Running bin/wso2update ${level === void 0 ? "(latest level)" : `--level ${level}`}`
      );
      const r = await runUpdateTool({
        home,
        ...level === void 0 ? {} : { level },
        env,
        logFile,
        onLine: (l) => reporter.info(`  wso2update: ${l}`)
      });
      runs += r.runs;
      return r.level;
    };
    const overlayFiles = lock.overlay ? await listOverlay(lock.overlay) : [];
    const base = /* @__PURE__ */ new Map();
    if (overlayFiles.length) {
      if (from > lock.level) {
        throw badInput(
          `${label}: pack is at WSO2 update level ${from}, above the lock's level ${lock.level} that the overlay was merged against`
        );
      }
      if (from < lock.level && await run2(lock.level) !== lock.level) {
        throw badInput(
          `the WSO2 update tool could not bring the pack to the lock's level ${lock.level}`
        );
      }
      for (const rel of overlayFiles) base.set(rel, await readOrUndefined(path12.join(home, rel)));
    }
    const current = await currentU2Level(home);
    let to = current;
    if (req.level === "latest" || req.level > current) {
      to = await run2(req.level === "latest" ? void 0 : req.level);
      if (typeof req.level === "number" && to !== req.level) {
        throw badInput(
          `the WSO2 update tool moved the pack to level ${to}, not the requested ${req.level}`
        );
      }
    }
    const entries = /* @__PURE__ */ new Map();
    for (const e of zip.entries) if (!e.isDirectory) entries.set(e.name.slice(top.length + 1), e);
    const toolLogs = req.out ? `${req.out}.wso2update-logs` : path12.join(work, "tool-logs");
    const packLogs = await moveNewLogs(home, zip, entries, toolLogs);
    await scrubToolConfig(home);
    const diff = await diffAgainstPack(home, entries);
    const merged = [];
    for (const rel of overlayFiles) {
      const ours = await fs11.readFile(path12.join(lock.overlay, rel));
      const b = base.get(rel);
      const theirs = await readOrUndefined(path12.join(home, rel));
      if (b === void 0 && theirs === void 0) {
        merged.push({ path: rel, outcome: "added", content: ours, rewrite: false });
        continue;
      }
      if (b && theirs && b.equals(theirs)) {
        merged.push({ path: rel, outcome: "unchanged", content: ours, rewrite: false });
        continue;
      }
      merged.push(mergeOverlayFile(rel, b, ours, theirs));
    }
    const notes = [];
    for (const p of [...diff.added, ...diff.modified].filter(
      (x) => /^updates\/changelog-.*\.md$/.test(x)
    )) {
      notes.push({ file: p, text: await fs11.readFile(path12.join(home, p), "utf8") });
    }
    const files = { added: diff.added, modified: diff.modified, removed: diff.removed };
    const report = {
      product: lock.product,
      version: lock.version,
      channel: lock.channel,
      packLevel: from,
      lockLevel: lock.level,
      level: to,
      levels: [],
      files,
      overlay: merged.map((f) => ({ path: f.path, outcome: f.outcome })),
      conflicts: [],
      lockUpdated: false,
      overlayRewritten: [],
      dryRun: req.dryRun,
      changelog: renderWso2Changelog({
        product: lock.product,
        version: lock.version,
        from: lock.level,
        to,
        files,
        notes
      }),
      vendorTool: {
        name: "wso2update",
        runs,
        logFile,
        logDir: toolLogs,
        toolLogs: packLogs
      }
    };
    const conflicts = merged.filter(isConflict);
    if (conflicts.length) {
      const details = [];
      for (const c of conflicts) {
        const written2 = req.dryRun ? [] : await writeConflictFiles(lock.overlay, [c]);
        report.conflicts.push({ path: c.path, files: written2 });
        details.push(
          `${c.path}: ${c.outcome}${written2.length ? ` (see ${written2.join(", ")})` : ""}`
        );
      }
      if (req.dryRun) return report;
      throw new ApplyConflictError(
        `merge conflicts in ${conflicts.length} overlay file(s); nothing was published`,
        details,
        report,
        merged
      );
    }
    if (req.dryRun) return report;
    const out = req.out;
    reporter.info(`Writing ${out}`);
    const written = await writeFolderAsPack({
      out,
      top,
      home,
      tree: diff.tree,
      zip,
      unchanged: diff.unchanged,
      overlay: merged,
      onProgress: (done, total) => reporter.progress("Writing pack", done, total)
    });
    report.output = { kind: "zip", path: out, sha256: written.sha256, bytes: written.bytes };
    if (req.updateLock && to !== lock.level) {
      if (lock.overlay) {
        report.overlayRewritten = await rewriteOverlay(lock.overlay, {
          files: merged,
          conflicts: []
        });
      }
      await writeFileAtomic(lock.file, setLockLevel(await fs11.readFile(lock.file, "utf8"), to));
      report.lockUpdated = true;
    }
    return report;
  } finally {
    await zip.close();
    await fs11.rm(work, { recursive: true, force: true });
  }
}
var TOOL_LOGS = "updates/logs";
async function moveNewLogs(home, zip, entries, dest) {
  const dir = path12.join(home, TOOL_LOGS);
  const names = await fs11.readdir(dir).catch(() => []);
  const moved = [];
  for (const name of names.sort()) {
    const file = path12.join(dir, name);
    const st = await fs11.stat(file);
    if (!st.isFile()) continue;
    const e = entries.get(`${TOOL_LOGS}/${name}`);
    if (e && e.uncompressedSize === st.size && await fileCrc32(file) === e.crc32 >>> 0) continue;
    await fs11.mkdir(dest, { recursive: true });
    await fs11.copyFile(file, path12.join(dest, name));
    if (e) await fs11.writeFile(file, await zip.readBuffer(e));
    else await fs11.rm(file);
    moved.push(name);
  }
  return moved;
}
async function scrubToolConfig(home) {
  const file = path12.join(home, "updates", "config.json");
  const text = await fs11.readFile(file, "utf8");
  let doc;
  try {
    doc = JSON.parse(text);
  } catch {
    return;
  }
  const secret = /^(username|password|access-token|refresh-token|service\.access-token|service\.refresh-token)$/i;
  let changed = false;
  const walk = (v) => {
    if (!v || typeof v !== "object") return;
    for (const k of Object.keys(v)) {
      if (secret.test(k)) {
        delete v[k];
        changed = true;
      } else walk(v[k]);
    }
  };
  walk(doc);
  if (changed) await fs11.writeFile(file, `${JSON.stringify(doc, null, 2)}
`);
}
async function diffAgainstPack(home, entries) {
  const tree = await listTree(home);
  if (tree.other.length) {
    throw badInput(`${tree.other[0]}: the WSO2 update tool left something that is not a file`);
  }
  const unchanged = /* @__PURE__ */ new Map();
  const added = [];
  const modified = [];
  for (const r of tree.files) {
    const e = entries.get(r);
    if (!e) {
      added.push(r);
      continue;
    }
    const file = path12.join(home, r);
    const same = (await fs11.stat(file)).size === e.uncompressedSize && await fileCrc32(file) === e.crc32 >>> 0;
    if (same) unchanged.set(r, e);
    else modified.push(r);
  }
  const present = new Set(tree.files);
  const removed = [...entries.keys()].filter((p) => !present.has(p)).sort(cmp);
  return { tree, unchanged, added, modified, removed };
}
async function fileCrc32(file) {
  let crc = 0;
  const h = await fs11.open(file);
  try {
    for await (const chunk of h.createReadStream({ highWaterMark: 1 << 20 })) {
      crc = crc32(chunk, crc);
    }
  } finally {
    await h.close();
  }
  return crc >>> 0;
}
async function readOrUndefined(file) {
  try {
    return await fs11.readFile(file);
  } catch (e) {
    if (e.code === "ENOENT") return void 0;
    throw e;
  }
}

// src/pipeline/apply.ts
init_lock();

// src/core/pack-state.ts
function buildPackState(args) {
  const files = {};
  for (const p of [...args.files.keys()].sort()) files[p] = args.files.get(p);
  return {
    schema: 1,
    product: args.product,
    version: args.version,
    channel: args.channel,
    level: args.level,
    updates: [...args.previous?.updates ?? [], ...args.applied],
    hotfixes: args.previous?.hotfixes ?? [],
    files
  };
}
function serializePackState(state) {
  return Buffer.from(`${JSON.stringify(state, null, 2)}
`);
}
function localEdits(state, actual) {
  const modified = [];
  const missing = [];
  for (const [p, sha] of Object.entries(state.files)) {
    const got = actual.get(p);
    if (got === void 0) missing.push(p);
    else if (got !== sha) modified.push(p);
  }
  const added = [...actual.keys()].filter((p) => !(p in state.files)).sort();
  return { modified: modified.sort(), missing: missing.sort(), added };
}

// src/pipeline/apply-in-place.ts
import { createHash as createHash7 } from "node:crypto";
import { promises as fs16 } from "node:fs";
import path17 from "node:path";
init_errors();
init_types();

// src/pipeline/journal.ts
import { promises as fs12 } from "node:fs";
import path13 from "node:path";
var WORK_DIR = "updates/.uplevel";
var STATE_PATH = "updates/uplevel.json";
var workPath = (home, ...parts) => path13.join(home, WORK_DIR, ...parts);
var journalFile = (home) => workPath(home, "journal.json");
var stagingDir = (home) => workPath(home, "staging");
async function exists(p) {
  return fs12.lstat(p).then(
    () => true,
    () => false
  );
}
async function fsyncPath(p) {
  const h = await fs12.open(p, "r");
  try {
    await h.sync();
  } finally {
    await h.close();
  }
}
async function writeDurable(file, data, mode) {
  await fs12.mkdir(path13.dirname(file), { recursive: true });
  const h = await fs12.open(file, "w", mode);
  try {
    await h.writeFile(data);
    await h.sync();
  } finally {
    await h.close();
  }
}
async function commitJournal(home, journal) {
  const file = journalFile(home);
  await writeDurable(`${file}.tmp`, JSON.stringify(journal));
  await fs12.rename(`${file}.tmp`, file);
  await fsyncPath(path13.dirname(file));
}
async function move(from, to) {
  await fs12.mkdir(path13.dirname(to), { recursive: true });
  await fs12.rename(from, to);
}
async function replay(home, journal) {
  const staging = stagingDir(home);
  const backup = workPath(home, journal.backup);
  const trash = workPath(home, "trash", journal.backup);
  const doOp = async (op) => {
    const live = path13.join(home, op.path);
    if (op.kind === "replace" || op.kind === "remove") {
      if (await exists(live) && !await exists(path13.join(backup, op.path))) {
        await move(live, path13.join(backup, op.path));
      }
    }
    if (op.kind === "add" || op.kind === "replace") {
      if (await exists(path13.join(staging, op.path))) await move(path13.join(staging, op.path), live);
    }
    if (op.kind === "restore") {
      const saved = path13.join(workPath(home, op.from), op.path);
      if (await exists(saved)) {
        if (await exists(live)) await move(live, path13.join(trash, op.path));
        await move(saved, live);
      }
    }
    if (op.kind === "discard" && await exists(live)) await move(live, path13.join(trash, op.path));
  };
  const last = journal.ops.filter((o) => o.path === STATE_PATH);
  const rest = journal.ops.filter((o) => o.path !== STATE_PATH);
  let next = 0;
  await Promise.all(
    Array.from({ length: 8 }, async () => {
      while (next < rest.length) await doOp(rest[next++]);
    })
  );
  for (const op of last) await doOp(op);
  await fs12.rm(journalFile(home), { force: true });
  await fs12.rm(staging, { recursive: true, force: true });
}
async function recover(home) {
  const file = journalFile(home);
  if (await exists(file)) {
    const journal = JSON.parse(await fs12.readFile(file, "utf8"));
    await replay(home, journal);
    return "completed";
  }
  await fs12.rm(`${file}.tmp`, { force: true });
  if (await exists(stagingDir(home))) {
    await fs12.rm(stagingDir(home), { recursive: true, force: true });
    return "discarded";
  }
  return "none";
}

// src/client/dir-lock.ts
init_errors();
import { promises as fs13 } from "node:fs";
import path14 from "node:path";
var sleep2 = (ms) => new Promise((r) => setTimeout(r, ms));
function alive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return e.code === "EPERM";
  }
}
async function withDirLock(dir, fn, opts = {}) {
  const lock = path14.join(dir, ".uplevel.lock");
  const deadline = Date.now() + (opts.timeoutMs ?? 10 * 6e4);
  let told = false;
  await fs13.mkdir(dir, { recursive: true });
  for (; ; ) {
    try {
      await fs13.writeFile(lock, String(process.pid), { flag: "wx" });
      break;
    } catch (e) {
      if (e.code !== "EEXIST") throw e;
      const holder = Number(await fs13.readFile(lock, "utf8").catch(() => ""));
      const age = Date.now() - ((await fs13.stat(lock).catch(() => void 0))?.mtimeMs ?? Date.now());
      const dead = Number.isInteger(holder) && holder > 0 ? !alive(holder) : age > 2e3;
      if (dead) {
        await fs13.rm(lock, { force: true });
        continue;
      }
      if (Date.now() > deadline)
        throw unreachable(
          `${dir} stays locked by process ${holder}; remove ${lock} if that run is gone`
        );
      if (!told) {
        opts.onWait?.();
        told = true;
      }
      await sleep2(50 + Math.random() * 100);
    }
  }
  try {
    return await fn();
  } finally {
    await fs13.rm(lock, { force: true });
  }
}

// src/pipeline/hotfix.ts
import { promises as fs15 } from "node:fs";
import path16 from "node:path";
init_errors();
init_types();

// src/pipeline/stage.ts
init_errors();
import { createHash as createHash6 } from "node:crypto";
import { createReadStream as createReadStream3, createWriteStream as createWriteStream3, promises as fs14 } from "node:fs";
import path15 from "node:path";
import { pipeline as pipeline3 } from "node:stream/promises";
async function stageEntry(zip, entryName, dest, sha2562, mode) {
  const entry = zip.get(entryName);
  if (!entry) throw verificationFailed(`${zip.label}: ${entryName} is missing`);
  await fs14.mkdir(path15.dirname(dest), { recursive: true });
  const h = createHash6("sha256");
  const data = await zip.openData(entry);
  data.on("data", (c) => h.update(c));
  await pipeline3(data, createWriteStream3(dest, { mode: mode & 511 }));
  if (h.digest("hex") !== sha2562)
    throw verificationFailed(`${zip.label}: ${entryName}: sha256 mismatch`);
  const fh = await fs14.open(dest, "r");
  try {
    await fh.sync();
  } finally {
    await fh.close();
  }
}
async function sha256OfFile(file) {
  try {
    const h = createHash6("sha256");
    for await (const c of createReadStream3(file, { highWaterMark: 1 << 20 })) h.update(c);
    return h.digest("hex");
  } catch (e) {
    if (e.code === "ENOENT") return void 0;
    throw e;
  }
}

// src/pipeline/hotfix.ts
var HOTFIX_MANIFEST = "hotfix.json";
async function openHotfix(file) {
  const label = path16.basename(file);
  const zip = await SafeZip.open(file, { label });
  try {
    const e = zip.get(HOTFIX_MANIFEST);
    if (!e) throw badInput(`${label}: no ${HOTFIX_MANIFEST}; not a hotfix`);
    let json;
    try {
      json = JSON.parse((await zip.readBuffer(e, 16 << 20)).toString("utf8"));
    } catch (err) {
      if (err instanceof SyntaxError)
        throw badInput(`${label}: ${HOTFIX_MANIFEST} is not valid JSON`);
      throw err;
    }
    const manifest = parseHotfixManifest(json, `${label}: ${HOTFIX_MANIFEST}`);
    return { zip, manifest, sha256: await sha256File(file), file };
  } catch (err) {
    await zip.close();
    throw err;
  }
}
var backupName = (id) => `backup/hotfix-${id}`;
var keptCopy = (home, id) => workPath(home, "hotfixes", `${id}.zip`);
async function applyHotfix(home, hf, opts = {}) {
  const m = hf.manifest;
  const label = path16.basename(hf.file);
  const state = await readHomeState(home);
  if (!state) throw badInput(`--dir ${home}: not a folder uplevel manages (no ${PACK_STATE_PATH})`);
  if (m.product !== state.product || m.version !== state.version) {
    throw badInput(
      `${label}: is for ${m.product} ${m.version}, the folder holds ${state.product} ${state.version}`
    );
  }
  if (m.level !== state.level && !opts.anyLevel)
    throw badInput(
      `${label}: hotfix ${m.id} is for level ${m.level}; ${home} is at level ${state.level}`
    );
  if (state.hotfixes.some((h) => h.id === m.id))
    throw badInput(`${label}: hotfix ${m.id} is applied already`);
  const conflicts = [];
  for (const f of [
    ...m.files.modified.map((x) => ({ path: x.path, sha: x.replaces })),
    ...m.files.removed.map((x) => ({ path: x.path, sha: x.sha256 }))
  ]) {
    const live = await sha256OfFile(path16.join(home, f.path));
    if (state.files[f.path] !== f.sha || live !== f.sha)
      conflicts.push(`${f.path}: not the file hotfix ${m.id} expects (edited, or another level)`);
  }
  for (const f of m.files.added) {
    if (await sha256OfFile(path16.join(home, f.path)) !== void 0)
      conflicts.push(`${f.path}: exists already`);
  }
  if (conflicts.length) {
    throw new UplevelError(
      ExitCode.conflict,
      `hotfix ${m.id} does not apply cleanly to ${home}; nothing was changed`,
      conflicts
    );
  }
  const staging = stagingDir(home);
  await fs15.rm(staging, { recursive: true, force: true });
  await fs15.rm(workPath(home, backupName(m.id)), { recursive: true, force: true });
  const ops = [];
  for (const f of [...m.files.added, ...m.files.modified]) {
    await stageEntry(hf.zip, `files/${f.path}`, path16.join(staging, f.path), f.sha256, f.mode);
    ops.push({ kind: m.files.added.includes(f) ? "add" : "replace", path: f.path });
  }
  for (const f of m.files.removed) ops.push({ kind: "remove", path: f.path });
  const files = { ...state.files };
  for (const f of m.files.removed) delete files[f.path];
  for (const f of [...m.files.added, ...m.files.modified]) files[f.path] = f.sha256;
  const next = {
    ...state,
    hotfixes: [...state.hotfixes, { id: m.id, sha256: hf.sha256 }],
    files
  };
  await writeDurable(path16.join(staging, PACK_STATE_PATH), serializePackState(next), 420);
  ops.push({ kind: "replace", path: PACK_STATE_PATH });
  await fs15.mkdir(path16.dirname(keptCopy(home, m.id)), { recursive: true });
  await fs15.copyFile(hf.file, keptCopy(home, m.id));
  const journal = {
    schema: 1,
    action: "apply",
    from: state.level,
    to: state.level,
    backup: backupName(m.id),
    ops
  };
  await writeDurable(workPath(home, backupName(m.id), "transition.json"), JSON.stringify(journal));
  await commitJournal(home, journal);
  await replay(home, journal);
  return next;
}
async function removeHotfix(home, id, opts = {}) {
  const state = await readHomeState(home);
  if (!state) throw badInput(`--dir ${home}: not a folder uplevel manages (no ${PACK_STATE_PATH})`);
  const last = state.hotfixes[state.hotfixes.length - 1];
  if (!state.hotfixes.some((h) => h.id === id))
    throw badInput(`hotfix ${id} is not applied to ${home}`);
  if (last?.id !== id)
    throw badInput(`hotfix ${id}: remove ${last?.id} first (hotfixes come off newest first)`);
  const t = JSON.parse(
    await fs15.readFile(workPath(home, backupName(id), "transition.json"), "utf8")
  );
  const ops = [...t.ops].reverse().map(
    (op) => op.kind === "add" ? { kind: "discard", path: op.path } : { kind: "restore", path: op.path, from: backupName(id) }
  );
  const journal = {
    schema: 1,
    action: "revert",
    from: state.level,
    to: state.level,
    backup: `trash-hotfix-${id}-${Date.now()}`,
    ops
  };
  await commitJournal(home, journal);
  await replay(home, journal);
  await fs15.rm(workPath(home, backupName(id)), { recursive: true, force: true });
  if (!opts.keepCopy) await fs15.rm(keptCopy(home, id), { force: true });
  const after = await readHomeState(home);
  return after;
}
function hotfixCopy(home, id) {
  return keptCopy(home, id);
}

// src/pipeline/apply-in-place.ts
async function readHomeState(home) {
  const file = path17.join(home, PACK_STATE_PATH);
  const text = await fs16.readFile(file, "utf8").catch(() => void 0);
  if (text === void 0) return void 0;
  try {
    return parsePackState(JSON.parse(text), file);
  } catch (e) {
    if (e instanceof SyntaxError) throw badInput(`${file}: not valid JSON`);
    throw e;
  }
}
async function startState(home, lock, repo) {
  const state = await readHomeState(home);
  if (state) return state;
  const ga = repo?.index.pack;
  if (!ga?.manifest) {
    throw badInput(`--dir ${home}: holds files but no ${PACK_STATE_PATH}; give a new folder`);
  }
  const manifest = parsePackManifest(
    JSON.parse((await repo.client.readTarget(ga.manifest)).toString("utf8")),
    ga.manifest
  );
  const files = {};
  let missing = 0;
  for (const [p, f] of Object.entries(manifest.files)) {
    files[p] = f.sha256;
    if (!await fs16.stat(path17.join(home, p)).catch(() => void 0)) missing++;
  }
  if (missing > 0) {
    throw badInput(
      `--dir ${home}: folder exists and is not empty, but is neither a pack uplevel wrote nor a complete GA pack (${missing} files missing); give a new folder`
    );
  }
  return {
    schema: 1,
    product: lock.product,
    version: lock.version,
    channel: lock.channel,
    level: 0,
    updates: [],
    hotfixes: [],
    files
  };
}
async function applyInPlace(args) {
  return withDirLock(workPath(args.home), () => applyLocked(args), {
    onWait: () => args.reporter.info(`Waiting for another uplevel run on ${args.home}`)
  });
}
async function applyLocked(args) {
  const { home, lock, repo, target, reporter } = args;
  const recovered = await recover(home);
  if (recovered !== "none") reporter.warn(`${home}: an interrupted run was ${recovered}`);
  let state = await startState(home, lock, repo);
  if (state.product !== lock.product || state.version !== lock.version || state.channel !== lock.channel) {
    throw badInput(
      `--dir ${home}: holds ${state.product} ${state.version} (${state.channel}), the lock says ${lock.product} ${lock.version} (${lock.channel})`
    );
  }
  if (target < state.level)
    throw badInput(`--dir ${home}: is at level ${state.level}, above ${target}; use revert`);
  const lockHotfixes = [];
  for (const [i, h] of lock.hotfixes.entries()) {
    const sha = await sha256OfFile(h.path);
    if (sha === void 0)
      throw badInput(`${path17.basename(lock.file)}: hotfixes[${i}].path: ${h.path} does not exist`);
    if (sha !== h.sha256)
      throw verificationFailed(
        `${path17.basename(lock.file)}: hotfixes[${i}].sha256 does not match ${h.path}`
      );
    lockHotfixes.push(await openHotfix(h.path));
  }
  const payloads = await args.fetchPayloads(state.level, target);
  try {
    const levels = [...payloads.keys()].sort((a, b) => a - b);
    const carried = state.hotfixes.map((h) => h.id);
    let reapply = [];
    let dropped = [];
    if (carried.length && !args.dryRun) {
      ({ reapply, dropped } = await takeOffHotfixes(
        home,
        state,
        levels.map((l) => payloads.get(l).manifest)
      ));
      state = await readHomeState(home);
    }
    const plan = composePlan(
      {
        product: state.product,
        version: state.version,
        channel: state.channel,
        level: state.level,
        files: Object.keys(state.files),
        hashes: state.files
      },
      levels.map((l) => payloads.get(l).manifest)
    );
    const readNew = async (src) => {
      if (src.kind !== "payload") throw new Error("bug: a pack source in an in-place plan");
      const p = payloads.get(src.level);
      const buf = await p.zip.readBuffer(p.fileEntry(src.path));
      if (createHash7("sha256").update(buf).digest("hex") !== src.sha256)
        throw verificationFailed(`${p.zip.label}: files/${src.path}: sha256 mismatch`);
      return buf;
    };
    const vendorAt = async (p, level) => {
      const first = plan.history.get(p)?.versions.find((v) => v.level > level);
      if (!first) return void 0;
      const payload = payloads.get(first.level);
      const entry = payload?.baseEntry(p);
      return entry && payload ? payload.zip.readBuffer(entry) : void 0;
    };
    const changed = /* @__PURE__ */ new Set([...plan.added, ...plan.modified, ...plan.removed]);
    const overlayFiles = lock.overlay ? await listOverlay(lock.overlay) : [];
    const result = {
      from: state.level,
      to: target,
      files: { added: plan.added, modified: plan.modified, removed: plan.removed },
      merged: [],
      conflicts: [],
      overlayRewritten: [],
      recovered
    };
    const outcome = /* @__PURE__ */ new Map();
    const conflictsFor = [];
    const overlayRewrites = /* @__PURE__ */ new Map();
    for (const p of [.../* @__PURE__ */ new Set([...changed, ...overlayFiles])].sort()) {
      const src = plan.files.get(p) ?? null;
      const inOverlay = overlayFiles.includes(p);
      const live = path17.join(home, p);
      const liveSha = await sha256OfFile(live);
      const vendorSha = state.files[p];
      if (!inOverlay && changed.has(p) && liveSha === vendorSha) {
        outcome.set(p, src);
        continue;
      }
      if (!inOverlay && plan.added.includes(p) && liveSha === void 0) {
        outcome.set(p, src);
        continue;
      }
      if (!inOverlay && plan.removed.includes(p) && liveSha === void 0) continue;
      const ours = inOverlay ? await fs16.readFile(path17.join(lock.overlay, p)) : await fs16.readFile(live).catch(() => void 0);
      const baseLevel = inOverlay ? lock.level : state.level;
      const theirs = src ? await readNew(src) : void 0;
      let base;
      if (changed.has(p)) base = await vendorAt(p, baseLevel);
      if (!changed.has(p)) {
        if (ours && createHash7("sha256").update(ours).digest("hex") !== liveSha)
          outcome.set(p, ours);
        result.merged.push({ path: p, outcome: "unchanged", origin: "overlay" });
        continue;
      }
      if (ours === void 0) {
        conflictsFor.push({ path: p, where: "folder", ...theirs ? { theirs } : {} });
        result.merged.push({ path: p, outcome: "deleted-locally", origin: "folder" });
        continue;
      }
      if (base === void 0 && plan.modified.includes(p)) {
        conflictsFor.push({
          path: p,
          where: inOverlay ? "overlay" : "folder",
          ...theirs ? { theirs } : {}
        });
        result.merged.push({
          path: p,
          outcome: "binary-conflict",
          origin: inOverlay ? "overlay" : "folder"
        });
        continue;
      }
      const m = mergeFile(base, ours, theirs);
      result.merged.push({ path: p, outcome: m.outcome, origin: inOverlay ? "overlay" : "folder" });
      if ("content" in m && !["conflict"].includes(m.outcome)) {
        outcome.set(p, m.content);
        if (inOverlay && !m.content.equals(ours)) overlayRewrites.set(p, m.content);
      } else if (m.outcome === "removed-upstream") {
        outcome.set(p, null);
      } else {
        conflictsFor.push({
          path: p,
          where: inOverlay ? "overlay" : "folder",
          ...base ? { base } : {},
          ...theirs ? { theirs } : {}
        });
      }
    }
    if (conflictsFor.length > 0) {
      const details = [];
      for (const c of conflictsFor) {
        const beside = path17.join(c.where === "overlay" ? lock.overlay : home, c.path);
        const files = [];
        if (!args.dryRun) {
          if (c.base) {
            await writeFileAtomic(`${beside}.old`, c.base);
            files.push(`${beside}.old`);
          }
          if (c.theirs) {
            await writeFileAtomic(`${beside}.updated`, c.theirs);
            files.push(`${beside}.updated`);
          }
        }
        result.conflicts.push({ path: c.path, files });
        details.push(`${c.path} (${c.where})${files.length ? `: see ${files.join(", ")}` : ""}`);
      }
      if (args.dryRun) return result;
      throw new UplevelError(
        ExitCode.conflict,
        `merge conflicts in ${conflictsFor.length} file(s); ${home} was not changed`,
        details
      );
    }
    if (args.dryRun) return result;
    reporter.info(`Staging level ${target} in ${path17.join(home, WORK_DIR)}`);
    const staging = stagingDir(home);
    await fs16.rm(staging, { recursive: true, force: true });
    const backupName2 = `backup/${state.level}-${target}`;
    await fs16.rm(workPath(home, backupName2), { recursive: true, force: true });
    const ops = [];
    let done = 0;
    const entries = [...outcome].sort(([x], [y]) => x < y ? -1 : 1);
    const kinds = /* @__PURE__ */ new Map();
    await forEachLimit(entries, 8, async ([p, what]) => {
      const exists3 = await fs16.lstat(path17.join(home, p)).then(
        () => true,
        () => false
      );
      if (what === null) {
        kinds.set(p, exists3 ? "remove" : void 0);
        return;
      }
      const dest = path17.join(staging, p);
      if (Buffer.isBuffer(what)) {
        await writeDurable(dest, what, 420);
      } else if (what.kind === "payload") {
        const payload = payloads.get(what.level);
        await stageEntry(payload.zip, `files/${what.path}`, dest, what.sha256, what.mode);
      }
      kinds.set(p, exists3 ? "replace" : "add");
      reporter.progress("Staging", ++done, outcome.size);
    });
    for (const [p] of entries) {
      const kind = kinds.get(p);
      if (kind) ops.push({ kind, path: p });
    }
    const vendorFiles = new Map(Object.entries(state.files));
    for (const p of plan.removed) vendorFiles.delete(p);
    for (const p of [...plan.added, ...plan.modified]) {
      const src = plan.files.get(p);
      if (src?.sha256) vendorFiles.set(p, src.sha256);
    }
    const applied = levels.map((l) => ({
      level: l,
      sha256: payloads.get(l).sha256
    }));
    const newState = buildPackState({
      product: state.product,
      version: state.version,
      channel: state.channel,
      level: target,
      previous: state,
      applied,
      files: vendorFiles
    });
    await writeDurable(path17.join(staging, PACK_STATE_PATH), serializePackState(newState), 420);
    const stateExists = await sha256OfFile(path17.join(home, PACK_STATE_PATH)) !== void 0;
    ops.push({ kind: stateExists ? "replace" : "add", path: PACK_STATE_PATH });
    const journal = {
      schema: 1,
      action: "apply",
      from: state.level,
      to: target,
      backup: backupName2,
      ops
    };
    await writeDurable(workPath(home, backupName2, "transition.json"), JSON.stringify(journal));
    await commitJournal(home, journal);
    await replay(home, journal);
    for (const id of reapply) {
      const hf = await openHotfix(hotfixCopy(home, id));
      try {
        await applyHotfix(home, hf, { anyLevel: true });
      } finally {
        await hf.zip.close();
      }
    }
    for (const id of dropped) await fs16.rm(hotfixCopy(home, id), { force: true });
    const included = new Set(
      levels.flatMap((l) => payloads.get(l).manifest.includesHotfixes ?? [])
    );
    for (const hf of lockHotfixes) {
      const id = hf.manifest.id;
      const now = await readHomeState(home);
      if (now.hotfixes.some((h) => h.id === id)) continue;
      if (included.has(id)) {
        if (!dropped.includes(id)) dropped.push(id);
        continue;
      }
      await applyHotfix(home, hf, { anyLevel: true });
      reapply.push(id);
    }
    result.hotfixes = { reapplied: reapply, dropped };
    if (args.updateLock && target !== lock.level) {
      for (const [p, content] of overlayRewrites) {
        await writeFileAtomic(path17.join(lock.overlay, p), content);
        result.overlayRewritten.push(p);
      }
      const { setLockLevel: setLockLevel2 } = await Promise.resolve().then(() => (init_lock(), lock_exports));
      await writeFileAtomic(lock.file, setLockLevel2(await fs16.readFile(lock.file, "utf8"), target));
    }
    return result;
  } finally {
    for (const p of payloads.values()) await p.zip.close();
    for (const h of lockHotfixes) await h.zip.close();
  }
}
async function revertInPlace(home, level, reporter) {
  const recovered = await recover(home);
  if (recovered !== "none") reporter.warn(`${home}: an interrupted run was ${recovered}`);
  const state = await readHomeState(home);
  if (!state) throw badInput(`--dir ${home}: no ${PACK_STATE_PATH}; not a folder uplevel manages`);
  if (level >= state.level)
    throw badInput(
      `--level ${level}: ${home} is at level ${state.level}; revert goes to a lower level`
    );
  const ops = [];
  const consumed = [];
  let at = state.level;
  const backups = (await fs16.readdir(workPath(home, "backup")).catch(() => [])).map(
    (n) => n.split("-").map(Number)
  );
  while (at > level) {
    const step = backups.find(([, to]) => to === at);
    if (!step)
      throw badInput(`${home}: no backup of the change to level ${at}; cannot revert below it`);
    const [from] = step;
    if (from < level)
      throw badInput(
        `${home}: level ${level} was skipped by one update (${from} \u2192 ${at}); revert to ${from} instead`
      );
    const name = `backup/${from}-${at}`;
    consumed.push(name);
    const t = JSON.parse(await fs16.readFile(workPath(home, name, "transition.json"), "utf8"));
    for (const op of [...t.ops].reverse()) {
      if (op.kind === "add") ops.push({ kind: "discard", path: op.path });
      else ops.push({ kind: "restore", path: op.path, from: name });
    }
    at = from;
  }
  const journal = {
    schema: 1,
    action: "revert",
    from: state.level,
    to: level,
    backup: `revert-${state.level}-${level}-${Date.now()}`,
    ops
  };
  await commitJournal(home, journal);
  await replay(home, journal);
  for (const name of consumed) await fs16.rm(workPath(home, name), { recursive: true, force: true });
  return { from: state.level, to: level };
}
async function takeOffHotfixes(home, state, manifests) {
  const included = new Set(manifests.flatMap((m) => m.includesHotfixes ?? []));
  const ids = state.hotfixes.map((h) => h.id);
  const dropped = ids.filter((id) => included.has(id));
  const reapply = ids.filter((id) => !included.has(id));
  const before = parsePackState(
    JSON.parse(
      await fs16.readFile(workPath(home, `backup/hotfix-${ids[0]}`, PACK_STATE_PATH), "utf8")
    ),
    "state before hotfixes"
  );
  const plan = composePlan(
    {
      product: before.product,
      version: before.version,
      channel: before.channel,
      level: before.level,
      files: Object.keys(before.files),
      hashes: before.files
    },
    manifests
  );
  const conflicts = [];
  for (const id of reapply) {
    const hf = await openHotfix(hotfixCopy(home, id));
    try {
      const touched = [
        ...hf.manifest.files.modified.map((f) => ({ path: f.path, sha: f.replaces })),
        ...hf.manifest.files.removed.map((f) => ({ path: f.path, sha: f.sha256 }))
      ];
      for (const f of touched) {
        if (plan.files.get(f.path)?.sha256 !== f.sha)
          conflicts.push(`hotfix ${id}: ${f.path} changes in the new level`);
      }
      for (const f of hf.manifest.files.added) {
        if (plan.files.has(f.path))
          conflicts.push(`hotfix ${id}: ${f.path} is added by the new level too`);
      }
    } finally {
      await hf.zip.close();
    }
  }
  if (conflicts.length) {
    throw new UplevelError(
      ExitCode.conflict,
      `hotfix(es) ${reapply.join(", ")} do not apply to the new level and are not included in it; nothing was changed`,
      conflicts
    );
  }
  for (const id of [...ids].reverse()) await removeHotfix(home, id, { keepCopy: true });
  return { reapply, dropped };
}

// src/pipeline/fetch-levels.ts
init_errors();

// src/pipeline/payloads.ts
init_errors();
var UPDATE_MANIFEST = "update.json";
async function openPayload(file, sha2562, label) {
  const zip = await SafeZip.open(file, { label });
  try {
    const m = zip.get(UPDATE_MANIFEST);
    if (!m) throw badInput(`${label}: no ${UPDATE_MANIFEST} in the payload`);
    let json;
    try {
      json = JSON.parse((await zip.readBuffer(m, 16 * 1024 * 1024)).toString("utf8"));
    } catch (e) {
      if (e instanceof SyntaxError)
        throw badInput(`${label}: ${UPDATE_MANIFEST} is not valid JSON`);
      throw e;
    }
    const manifest = parseUpdateManifest(json, `${label}: ${UPDATE_MANIFEST}`);
    for (const f of [...manifest.files.added, ...manifest.files.modified]) {
      const e = zip.get(`files/${f.path}`);
      if (!e || e.isDirectory) throw badInput(`${label}: files/${f.path} is missing`);
      if (e.uncompressedSize !== f.size) {
        throw badInput(
          `${label}: files/${f.path} is ${e.uncompressedSize} bytes, update.json says ${f.size}`
        );
      }
    }
    return {
      zip,
      manifest,
      sha256: sha2562,
      fileEntry(path39) {
        const e = zip.get(`files/${path39}`);
        if (!e) throw badInput(`${label}: files/${path39} is missing`);
        return e;
      },
      baseEntry(path39) {
        return zip.get(`base/${path39}`);
      }
    };
  } catch (e) {
    await zip.close();
    throw e;
  }
}

// src/pipeline/fetch-levels.ts
async function fetchLevels(repo, lock, from, to, payloads, reporter) {
  const levels = Array.from({ length: to - from }, (_, i) => from + 1 + i);
  if (levels.length)
    reporter.info(`Fetching level${levels.length > 1 ? "s" : ""} ${levels.join(", ")}`);
  await forEachLimit(levels, 8, async (l) => {
    const info = repo.level(l);
    const file = await repo.client.fetchTarget(info.target);
    const signed = await repo.client.targetInfo(info.target);
    if (signed?.sha256 !== info.sha256) {
      throw verificationFailed(
        `${info.target}: index.json and the signed targets disagree about its sha256`
      );
    }
    const payload = await openPayload(file, info.sha256, info.target);
    payloads.set(l, payload);
    const m = payload.manifest;
    if (m.product !== lock.product || m.version !== lock.version || m.channel !== lock.channel || m.level !== l) {
      throw verificationFailed(
        `${info.target}: published as level ${l} of ${lock.product} ${lock.version} (${lock.channel}) but holds level ${m.level} of ${m.product} ${m.version} (${m.channel})`
      );
    }
  });
}

// src/pipeline/pack-input.ts
init_errors();
init_types();
async function openPack(file, expect) {
  const label = expect.label ?? file;
  const zip = await SafeZip.open(file, { label });
  try {
    const top = zip.topFolder();
    const wanted = `${expect.product}-${expect.version}`;
    if (top === void 0) throw badInput(`${label}: a pack must hold one top-level folder`);
    if (top !== wanted) {
      throw badInput(`${label}: top folder is ${top}/, expected ${wanted}/ for this lock`);
    }
    const files = /* @__PURE__ */ new Map();
    const dirs = /* @__PURE__ */ new Map();
    let topEntry;
    let stateEntry;
    for (const e of zip.entries) {
      const rel = e.name.slice(top.length + 1);
      if (rel === "") {
        topEntry = e;
        continue;
      }
      if (e.isDirectory) dirs.set(rel.replace(/\/$/, ""), e);
      else if (rel === PACK_STATE_PATH) stateEntry = e;
      else files.set(rel, e);
    }
    let state;
    if (stateEntry) {
      const buf = await zip.readBuffer(stateEntry, 64 * 1024 * 1024);
      let json;
      try {
        json = JSON.parse(buf.toString("utf8"));
      } catch {
        throw badInput(`${label}: ${top}/${PACK_STATE_PATH} is not valid JSON`);
      }
      state = parsePackState(json, `${label}: ${top}/${PACK_STATE_PATH}`);
      if (state.product !== expect.product || state.version !== expect.version) {
        throw badInput(
          `${label}: pack state says ${state.product} ${state.version}, expected ${expect.product} ${expect.version}`
        );
      }
    }
    const pack = { zip, top, level: state?.level ?? 0, files, dirs };
    if (state) pack.state = state;
    if (topEntry) pack.topEntry = topEntry;
    return pack;
  } catch (e) {
    await zip.close();
    throw e;
  }
}

// src/pipeline/repository.ts
init_errors();

// src/client/repository-client.ts
var import_tuf_js2 = __toESM(require_dist3(), 1);
var import_error4 = __toESM(require_error2(), 1);
init_errors();
import { createHash as createHash8, randomBytes } from "node:crypto";
import { createWriteStream as createWriteStream4, promises as fs18, readFileSync, statSync } from "node:fs";
import path18 from "node:path";
import { Transform as Transform4 } from "node:stream";
import { pipeline as pipeline4 } from "node:stream/promises";
import { pathToFileURL } from "node:url";

// src/client/fetcher.ts
var import_tuf_js = __toESM(require_dist3(), 1);
var import_error = __toESM(require_error2(), 1);
import { promises as fs17 } from "node:fs";
import { Readable as Readable3 } from "node:stream";
import { fileURLToPath } from "node:url";
var METADATA_NAME = /\/metadata\/((?:\d+\.)?(root|timestamp|snapshot|targets)\.json)$/;
var KEEP_AT_MOST = 8 * 1024 * 1024;
var RepositoryFetcher = class extends import_tuf_js.BaseFetcher {
  constructor(opts) {
    super();
    this.opts = opts;
  }
  opts;
  /** The metadata file most recently asked for, to name it when verification fails. */
  lastMetadata;
  /** The bytes last received per role, to tell the user when an expired file expired. */
  received = /* @__PURE__ */ new Map();
  /** Opens a file of the repository; a missing one is tuf-js's DownloadHTTPError(404). */
  async open(url) {
    if (url.startsWith("file:")) {
      const file = fileURLToPath(url);
      const st = await fs17.stat(file).catch(() => void 0);
      if (!st?.isFile()) throw new import_error.DownloadHTTPError("no such file", 404);
      const body = (await fs17.open(file)).createReadStream({ highWaterMark: 1 << 20 });
      return { body, total: st.size };
    }
    try {
      return await httpGetStream(url, {
        ...this.opts.credentials ? { credentials: this.opts.credentials } : {},
        ...this.opts.env ? { env: this.opts.env } : {}
      });
    } catch (e) {
      if (e instanceof HttpStatusError) throw new import_error.DownloadHTTPError(e.message, e.statusCode);
      throw e;
    }
  }
  async fetch(url) {
    return this.fetchInto(url, void 0);
  }
  async fetchInto(url, opened) {
    const name = METADATA_NAME.exec(url);
    if (name) this.lastMetadata = name[1];
    const { body } = await this.open(url);
    opened?.add(body);
    if (name?.[2]) this.remember(name[2], body);
    return Readable3.toWeb(body);
  }
  /**
   * tuf-js stops reading when a file passes its length limit but never cancels the stream,
   * which would leave the socket or file open (and a CLI waiting on it): close it here.
   */
  async downloadFile(url, maxLength, handler) {
    const opened = /* @__PURE__ */ new Set();
    const view = Object.create(this);
    view.fetch = (u) => this.fetchInto(u, opened);
    try {
      return await import_tuf_js.BaseFetcher.prototype.downloadFile.call(view, url, maxLength, handler);
    } finally {
      for (const b of opened) b.destroy();
    }
  }
  /** The last bytes received for a role (root, timestamp, snapshot, targets). */
  lastReceived(role) {
    return this.received.get(role);
  }
  remember(role, body) {
    const chunks = [];
    let size = 0;
    body.on("data", (c) => {
      size += c.length;
      if (size <= KEEP_AT_MOST) chunks.push(c);
    });
    body.on("end", () => {
      if (size <= KEEP_AT_MOST) this.received.set(role, Buffer.concat(chunks));
    });
  }
};

// src/client/tuf-errors.ts
var import_error2 = __toESM(require_error(), 1);
var import_error3 = __toESM(require_error2(), 1);
init_errors();
var CLASSES = [
  [import_error3.ExpiredMetadataError, "expired"],
  [import_error3.BadVersionError, "rollback"],
  [import_error2.UnsignedMetadataError, "signature"],
  [import_error2.CryptoError, "signature"],
  [import_error2.LengthOrHashMismatchError, "hash"],
  [import_error3.DownloadLengthMismatchError, "too-long"],
  [import_error2.ValueError, "invalid"],
  [import_error3.ValueError, "invalid"],
  [import_error3.RepositoryError, "invalid"],
  [import_error2.RepositoryError, "invalid"]
];
var ROLLBACK = /is less than current|^Expected version \d+, got|is equal to current/;
var TEXTS = [
  [/is expired/, "expired"],
  [ROLLBACK, "rollback"],
  [/does not match snapshot version|doesn't match timestamp/, "mismatched-version"],
  [/was signed by \d+\/\d+ keys|failed to verify|no signature for key|no public key/, "signature"],
  [/^Expected hash /, "hash"],
  [/^Expected length /, "length"],
  [/^Max length reached/, "too-long"]
];
var refusedOrMissing = (status) => status === 401 || status === 403 ? "refused" : "not-served";
function classify(e) {
  if (!(e instanceof Error)) return void 0;
  let detail = e.message;
  let kind;
  let status;
  if (e instanceof import_error3.DownloadHTTPError) {
    status = e.statusCode;
    kind = refusedOrMissing(status);
  } else if (e instanceof import_error3.RuntimeError) {
    if (/UplevelError: /.test(detail)) return void 0;
    const inner = /^Unable to load (?:snapshot metadata|targets) error (?:\w*Error: )?(.*)$/s.exec(
      detail
    );
    detail = inner?.[1] ?? detail;
    const code = /^HTTP (\d{3})\b/.exec(detail)?.[1];
    if (code) status = Number(code);
    else if (detail === "no such file") status = 404;
    if (status !== void 0) kind = refusedOrMissing(status);
    else kind = TEXTS.find(([re]) => re.test(detail))?.[1] ?? "invalid";
  } else if (e instanceof SyntaxError || e instanceof TypeError) {
    kind = "invalid";
  } else {
    kind = CLASSES.find(([cls]) => e instanceof cls)?.[1];
    if (kind === "rollback" && !ROLLBACK.test(detail)) kind = "mismatched-version";
    if (kind === "hash" && /^Expected length /.test(detail)) kind = "length";
  }
  if (!kind) return void 0;
  const file = /\b((?:\d+\.)?(?:root|timestamp|snapshot|targets)\.json)\b/.exec(detail)?.[1];
  return {
    kind,
    detail,
    ...file ? { file } : {},
    ...status !== void 0 ? { status } : {}
  };
}
function describeFailure(f, ctx) {
  const s = ctx.subject;
  switch (f.kind) {
    case "expired":
      return verificationFailed(
        `verification failed: ${f.file ?? s} has expired${ctx.expires ? ` (${ctx.expires})` : ""}; the vendor must re-sign it, or this is a freeze attack`
      );
    case "rollback":
      return verificationFailed(
        `verification failed: ${s}: version went backwards (${f.detail}), a rollback`
      );
    case "mismatched-version":
      return verificationFailed(
        `verification failed: ${s}: version does not match the one signed metadata names (${f.detail})`
      );
    case "signature":
      return verificationFailed(
        `verification failed: ${s}: bad or missing signature (${f.detail}); not signed by the keys the trusted root names`
      );
    case "hash": {
      const m = /^Expected hash (\w+) but got (\w+)/.exec(f.detail);
      return verificationFailed(
        `verification failed: ${s}: hash mismatch${m ? ` (signed ${m[1]}, got ${m[2]})` : ` (${f.detail})`}`
      );
    }
    case "length": {
      const m = /^Expected length (\d+) but got (\d+)/.exec(f.detail);
      return verificationFailed(
        `verification failed: ${s}: length mismatch${m ? ` (signed ${m[1]} bytes, got ${m[2]})` : ` (${f.detail})`}`
      );
    }
    case "too-long":
      return verificationFailed(
        `verification failed: ${s}: length mismatch (longer than the most metadata may be)`
      );
    case "refused":
      return unreachable(
        `${s}: the repository refused access (HTTP ${f.status}); check UPLEVEL_TOKEN or UPLEVEL_USERNAME/UPLEVEL_PASSWORD`
      );
    case "not-served":
      return verificationFailed(
        `verification failed: ${s}: named by signed metadata but not served by the repository (${f.status === 404 ? "not found" : `HTTP ${f.status}`})`
      );
    case "invalid":
      return verificationFailed(`verification failed: ${s}: ${f.detail}`);
  }
}
function explainOther(subject, e) {
  if (isUplevelError(e)) return e;
  const message = e instanceof Error ? e.message : String(e);
  if (e instanceof import_error3.RuntimeError && /UplevelError: /.test(message))
    return unreachable(message.replace(/^.*UplevelError: /s, ""));
  const code = e.code ?? /\b(E[A-Z]+):/.exec(message)?.[1] ?? "";
  if (["EACCES", "EPERM", "EROFS", "ENOSPC", "ENOTDIR"].includes(code) || e instanceof import_error3.PersistError)
    return badInput(`cannot write the cache (${message}); check the cache folder`);
  return unreachable(`${subject}: ${message}`);
}

// src/client/repository-client.ts
var PROGRESS_FROM = 4 * 1024 * 1024;
var RepositoryClient = class {
  constructor(opts) {
    this.opts = opts;
    let anchor;
    try {
      anchor = readFileSync(opts.trustedRoot);
    } catch {
      anchor = Buffer.from(opts.repository);
    }
    const id = createHash8("sha256").update(anchor).digest("hex").slice(0, 16);
    this.metadataDir = path18.join(opts.cacheDir, "tuf", id);
    this.targetsDir = path18.join(opts.cacheDir, "targets");
    this.base = /^https?:\/\//.test(opts.repository) ? opts.repository.replace(/\/+$/, "") : pathToFileURL(path18.resolve(opts.repository)).toString();
    this.fetcher = new RepositoryFetcher({
      ...opts.credentials ? { credentials: opts.credentials } : {},
      ...opts.env ? { env: opts.env } : {}
    });
  }
  opts;
  updaterInstance;
  fetcher;
  base;
  metadataDir;
  targetsDir;
  refreshed = false;
  /** tuf-js reads the trusted root when constructed, so it exists only once seeded. */
  get updater() {
    if (!this.updaterInstance) {
      try {
        this.updaterInstance = new import_tuf_js2.Updater({
          metadataDir: this.metadataDir,
          metadataBaseUrl: `${this.base}/metadata`,
          targetDir: this.targetsDir,
          targetBaseUrl: `${this.base}/targets`,
          fetcher: this.fetcher
        });
      } catch (e) {
        throw this.explain("root.json", e);
      }
    }
    return this.updaterInstance;
  }
  /** Seeds the trusted metadata from the pinned root unless the cache already trusts a newer one. */
  async seed() {
    let pinned;
    try {
      pinned = await fs18.readFile(this.opts.trustedRoot);
    } catch {
      throw badInput(`trust: ${this.opts.trustedRoot} cannot be read`);
    }
    const pinnedVersion = rootVersion(pinned, this.opts.trustedRoot);
    await fs18.mkdir(this.metadataDir, { recursive: true });
    await fs18.mkdir(this.targetsDir, { recursive: true });
    const cachedFile = path18.join(this.metadataDir, "root.json");
    let cachedVersion;
    try {
      cachedVersion = rootVersion(readFileSync(cachedFile), cachedFile);
    } catch {
      cachedVersion = -1;
    }
    if (cachedVersion < pinnedVersion) {
      await fs18.writeFile(cachedFile, pinned);
    }
  }
  /** TUF's update: the root chain, timestamp, snapshot and targets, once per client. */
  async refresh() {
    if (this.refreshed) return;
    await withDirLock(this.metadataDir, async () => {
      await this.seed();
      const before = this.roleKeys();
      try {
        await this.guard(void 0, () => this.updater.refresh());
      } catch (e) {
        const after = this.roleKeys();
        const rotated = ["timestamp", "snapshot"].some((r) => before[r] !== after[r]);
        if (!rotated) throw e;
        await fs18.rm(path18.join(this.metadataDir, "timestamp.json"), { force: true });
        await fs18.rm(path18.join(this.metadataDir, "snapshot.json"), { force: true });
        this.updaterInstance = void 0;
        await this.guard(void 0, () => this.updater.refresh());
      }
    });
    const root = rootVersion(readFileSync(path18.join(this.metadataDir, "root.json")), "root.json");
    if (this.opts.minRootVersion !== void 0 && root < this.opts.minRootVersion) {
      throw verificationFailed(
        `verification failed: root.json is version ${root}, below the lock's minRootVersion ${this.opts.minRootVersion} (rolled back?)`
      );
    }
    this.refreshed = true;
  }
  /** The trusted root's key ids per role, to notice a rotation. */
  roleKeys() {
    try {
      const root = JSON.parse(readFileSync(path18.join(this.metadataDir, "root.json"), "utf8"));
      return Object.fromEntries(
        Object.entries(root.signed.roles).map(([r, v]) => [r, [...v.keyids].sort().join(",")])
      );
    } catch {
      return {};
    }
  }
  /** Length and sha256 of a target as signed, or undefined when the repository has none. */
  async targetInfo(targetPath) {
    const info = await this.signedTarget(targetPath);
    if (!info) return void 0;
    return { length: info.length, sha256: info.hashes.sha256 ?? "" };
  }
  async signedTarget(targetPath) {
    await this.refresh();
    return this.guard(void 0, () => this.updater.getTargetInfo(targetPath));
  }
  /**
   * A verified local copy of a target, downloaded once and cached by its sha256 under
   * cacheDir/targets/. Exit 2 when signed metadata does not name it.
   */
  async fetchTarget(targetPath) {
    const info = await this.signedTarget(targetPath);
    if (!info) throw badInput(`${targetPath}: not in the repository's signed targets`);
    const sha = info.hashes.sha256;
    if (!sha) throw verificationFailed(`verification failed: ${targetPath}: no sha256 is signed`);
    const file = path18.join(this.targetsDir, sha);
    if (stillVerified(file, sha)) return file;
    if (await this.updater.findCachedTarget(info, file)) {
      await markVerified(file, sha);
      return file;
    }
    const tmp = `${file}.${process.pid}.${randomBytes(4).toString("hex")}.part`;
    try {
      await this.download(info, tmp);
      await fs18.rename(tmp, file);
    } finally {
      await fs18.rm(tmp, { force: true });
    }
    await markVerified(file, sha);
    return file;
  }
  /** Verified target bytes, for small files (index.json). */
  async readTarget(targetPath) {
    return fs18.readFile(await this.fetchTarget(targetPath));
  }
  /**
   * Streams a target into `dest`, checking its signed length as it comes (endless data stops
   * there) and every signed hash at the end: TargetFile.verify's checks, done in the one pass
   * that writes the file rather than tuf-js's download-to-tmp, re-read and copy.
   */
  async download(info, dest) {
    const subject = `targets/${info.path}`;
    const url = this.targetUrl(info);
    const hashes = Object.keys(info.hashes).map((alg) => {
      try {
        return { alg, h: createHash8(alg) };
      } catch {
        throw verificationFailed(`verification failed: ${subject}: unsupported hash ${alg}`);
      }
    });
    let opened;
    try {
      opened = await this.fetcher.open(url);
    } catch (e) {
      throw this.explain(subject, e);
    }
    const { body, total } = opened;
    const onProgress = this.opts.onProgress;
    const shown3 = redactUrl(url);
    let bytes = 0;
    const check = new Transform4({
      transform(chunk, _enc, cb) {
        bytes += chunk.length;
        if (bytes > info.length) {
          cb(
            verificationFailed(
              `verification failed: ${subject}: length mismatch (longer than its signed ${info.length} bytes)`
            )
          );
          return;
        }
        for (const { h } of hashes) h.update(chunk);
        if (onProgress && info.length > PROGRESS_FROM)
          onProgress({ url: shown3, bytes, total: total ?? info.length });
        cb(null, chunk);
      }
    });
    try {
      await pipeline4(body, check, createWriteStream4(dest));
    } catch (e) {
      throw this.explain(subject, e);
    }
    if (bytes !== info.length) {
      throw verificationFailed(
        `verification failed: ${subject}: length mismatch (signed ${info.length} bytes, got ${bytes})`
      );
    }
    for (const { alg, h } of hashes) {
      const got = h.digest("hex");
      if (got !== info.hashes[alg])
        throw verificationFailed(
          `verification failed: ${subject}: hash mismatch (signed ${alg} ${info.hashes[alg]}, got ${got})`
        );
    }
  }
  /** Where tuf-js itself would fetch the target: hash-prefixed under consistent snapshots. */
  targetUrl(info) {
    let name = info.path;
    const root = JSON.parse(readFileSync(path18.join(this.metadataDir, "root.json"), "utf8"));
    if (root.signed.consistent_snapshot) {
      const slash = name.lastIndexOf("/");
      const first = Object.values(info.hashes)[0];
      name = `${name.slice(0, slash + 1)}${first}.${name.slice(slash + 1)}`;
    }
    return new URL(`${this.base}/targets/${name.replace(/^\/+/, "")}`).toString();
  }
  /**
   * A metadata file exactly as the repository serves it (for offline bundles; whoever reads
   * the bundle verifies it as usual). Undefined when the repository has no such file.
   */
  async rawMetadata(name) {
    try {
      return await this.fetcher.downloadBytes(`${this.base}/metadata/${name}`, 64 * 1024 * 1024);
    } catch (e) {
      if (e instanceof import_error4.DownloadHTTPError && (e.statusCode === 404 || e.statusCode === 403))
        return void 0;
      throw this.explain(name, e);
    }
  }
  /** The version of a top-level role this client trusts now (after refresh). */
  trustedVersion(role) {
    const json = JSON.parse(readFileSync(path18.join(this.metadataDir, `${role}.json`), "utf8"));
    return json.signed.version;
  }
  /** Runs a tuf-js call with its errors mapped; without a subject, the failing metadata is named. */
  async guard(subject, fn) {
    try {
      return await fn();
    } catch (e) {
      throw this.explain(subject, e);
    }
  }
  explain(subject, e) {
    const failure2 = classify(e);
    const named = failure2?.kind === "expired" ? failure2.file : void 0;
    const name = subject ?? named ?? this.fetcher.lastMetadata ?? failure2?.file ?? "metadata";
    if (!failure2) return explainOther(name, e);
    if (failure2.kind === "not-served" && name === "timestamp.json") {
      return badInput(
        `repository: ${redactUrl(this.opts.repository)} has no metadata/timestamp.json; is it the repository's URL or folder?`
      );
    }
    const expires = failure2.kind === "expired" ? this.expiryOf(failure2.file ?? name) : void 0;
    return describeFailure(failure2, { subject: name, ...expires ? { expires } : {} });
  }
  /** When an expired metadata file says it expired: the copy last received, or the trusted one. */
  expiryOf(file) {
    const role = /(root|timestamp|snapshot|targets)\.json$/.exec(file)?.[1];
    if (!role) return void 0;
    const candidates = [this.fetcher.lastReceived(role)];
    try {
      candidates.push(readFileSync(path18.join(this.metadataDir, `${role}.json`)));
    } catch {
    }
    for (const data of candidates) {
      try {
        const expires = JSON.parse(String(data)).signed?.expires;
        if (typeof expires === "string" && Date.parse(expires) <= Date.now()) return expires;
      } catch {
      }
    }
    return void 0;
  }
};
function rootVersion(data, label) {
  try {
    const json = JSON.parse(data.toString("utf8"));
    if (json.signed?._type !== "root" || typeof json.signed.version !== "number")
      throw new Error("not root metadata");
    return json.signed.version;
  } catch {
    throw badInput(`trust: ${label} is not a TUF root metadata file`);
  }
}
function stillVerified(file, sha2562) {
  try {
    const st = statSync(file);
    const stamp = JSON.parse(readFileSync(`${file}.verified`, "utf8"));
    return stamp.sha256 === sha2562 && stamp.size === st.size && stamp.mtimeMs === st.mtimeMs && stamp.ino === st.ino;
  } catch {
    return false;
  }
}
async function markVerified(file, sha2562) {
  const st = await fs18.stat(file);
  const stamp = { sha256: sha2562, size: st.size, mtimeMs: st.mtimeMs, ino: st.ino };
  await fs18.writeFile(`${file}.verified`, JSON.stringify(stamp));
}

// src/pipeline/repository.ts
function indexTarget(product, version) {
  return `${product}/${version}/index.json`;
}
async function openLockRepository(lock, opts = {}) {
  if (lock.source !== "tuf") {
    throw badInput(
      `${lock.file}: source: ${lock.source} has no signed repository; this needs a lock with source: tuf`
    );
  }
  const env = opts.env ?? process.env;
  const clientOpts = {
    repository: lock.repository,
    trustedRoot: lock.trust,
    cacheDir: cacheDir(env),
    credentials: credentialsFromEnv(env),
    env
  };
  if (lock.minRootVersion !== void 0) clientOpts.minRootVersion = lock.minRootVersion;
  if (opts.onProgress) clientOpts.onProgress = opts.onProgress;
  const client = new RepositoryClient(clientOpts);
  await client.refresh();
  const target = indexTarget(lock.product, lock.version);
  const raw = await client.readTarget(target);
  let json;
  try {
    json = JSON.parse(raw.toString("utf8"));
  } catch {
    throw badInput(`${target}: not valid JSON`);
  }
  const index = parseRepositoryIndex(json, target);
  if (index.product !== lock.product || index.version !== lock.version) {
    throw badInput(`${target}: is for ${index.product} ${index.version}`);
  }
  const channel = index.channels[lock.channel];
  if (!channel) {
    throw badInput(
      `${lock.file}: channel "${lock.channel}" is not published (have: ${Object.keys(index.channels).join(", ") || "none"})`
    );
  }
  const levels = [...channel.levels].sort((a, b) => a.level - b.level);
  const latest = levels.length ? levels[levels.length - 1].level : 0;
  if (lock.level > latest) {
    throw badInput(
      `${lock.file}: level ${lock.level} does not exist in channel ${lock.channel} (latest is ${latest})`
    );
  }
  return {
    client,
    index,
    levels,
    latest,
    level(n) {
      const l = levels.find((x) => x.level === n);
      if (!l)
        throw badInput(
          `level ${n} does not exist in channel ${lock.channel} (latest is ${latest})`
        );
      return l;
    }
  };
}

// src/pipeline/apply.ts
async function apply(req) {
  const { lock, reporter } = req;
  if (lock.source === "wso2") return applyWso2(req);
  if (!req.dryRun && !req.out && !req.dir)
    throw badInput("apply needs --out ZIP or --dir DIR (or --dry-run)");
  if (req.out && req.dir) throw badInput("apply takes one of --out and --dir, not both");
  reporter.info(`Reading ${lock.repository}`);
  const repo = await openLockRepository(lock, withProgress(req));
  const target = req.level === "latest" ? repo.latest : req.level;
  if (target > 0) repo.level(target);
  if (target < lock.level) {
    throw badInput(
      `--level ${target} is below the lock's level ${lock.level}; use revert to go back`
    );
  }
  const fetchPayloads = async (from, to) => {
    const got = /* @__PURE__ */ new Map();
    try {
      await fetchLevels(repo, lock, from, to, got, reporter);
    } catch (e) {
      for (const p of got.values()) await p.zip.close();
      throw e;
    }
    return got;
  };
  if (req.dir && !req.pack && await folderHoldsFiles(req.dir)) {
    const r = await applyInPlace({
      home: req.dir,
      lock,
      repo,
      target,
      fetchPayloads,
      dryRun: req.dryRun,
      updateLock: req.updateLock,
      reporter
    });
    return {
      product: lock.product,
      version: lock.version,
      channel: lock.channel,
      packLevel: r.from,
      lockLevel: lock.level,
      level: r.to,
      levels: [],
      files: r.files,
      overlay: r.merged.map((m) => ({ path: m.path, outcome: m.outcome })),
      conflicts: r.conflicts,
      ...req.dryRun ? {} : { output: { kind: "dir", path: req.dir, bytes: 0 } },
      lockUpdated: !req.dryRun && req.updateLock && target !== lock.level,
      overlayRewritten: r.overlayRewritten,
      dryRun: req.dryRun,
      ...r.hotfixes ? { hotfixes: r.hotfixes } : {}
    };
  }
  const packFile = await resolvePackFile(lock, repo, req.pack, reporter);
  const pack = await openPack(packFile.file, { product: lock.product, version: lock.version });
  const payloads = /* @__PURE__ */ new Map();
  try {
    checkPackLevel(pack, lock, target);
    const levels = Array.from({ length: target - pack.level }, (_, i) => pack.level + 1 + i);
    await fetchLevels(repo, lock, pack.level, target, payloads, reporter);
    const manifests = levels.map((l) => payloads.get(l).manifest);
    const plan = composePlan(
      {
        product: lock.product,
        version: lock.version,
        channel: lock.channel,
        level: pack.level,
        files: [...pack.files.keys()],
        hashes: pack.state ? pack.state.files : await gaHashes(repo, pack, packFile)
      },
      manifests
    );
    const contents = new PackContents(pack, payloads, packFile.verifiedSha256 !== void 0);
    for (const [path39, expected] of plan.packChecks) {
      await contents.read({ kind: "pack", path: path39, sha256: expected });
    }
    const overlay = lock.overlay ? await mergeOverlay(lock.overlay, plan, lock.level, contents) : void 0;
    const report = baseReport(req, pack, plan, payloads, overlay);
    if (overlay && overlay.conflicts.length > 0) {
      const details = [];
      for (const c of overlay.conflicts) {
        const files = req.dryRun ? [] : await writeConflictFiles(lock.overlay, [c]);
        report.conflicts.push({ path: c.path, files });
        details.push(`${c.path}: ${c.outcome}${files.length ? ` (see ${files.join(", ")})` : ""}`);
      }
      if (req.dryRun) return report;
      throw new ApplyConflictError(
        `merge conflicts in ${overlay.conflicts.length} overlay file(s); nothing was published`,
        details,
        report,
        overlay.files
      );
    }
    if (req.dryRun) return report;
    const vendorHashes = await vendorHashesForOverlay(plan, contents, overlay);
    const layout = layoutOutput(plan, contents, overlay);
    const time = new Date(target > 0 ? repo.level(target).released : "2000-01-01T00:00:00Z");
    const applied = byLevel(payloads).map(([level, p]) => ({ level, sha256: p.sha256 }));
    const writeOpts = {
      time,
      stateFile: (hashes) => {
        const files = new Map(hashes);
        for (const [p, sha] of vendorHashes) {
          if (sha === null) files.delete(p);
          else files.set(p, sha);
        }
        return serializePackState(
          buildPackState({
            product: lock.product,
            version: lock.version,
            channel: lock.channel,
            level: target,
            ...pack.state ? { previous: pack.state } : {},
            applied,
            files
          })
        );
      },
      onProgress: (done, total) => reporter.progress("Writing pack", done, total)
    };
    if (req.out) {
      reporter.info(`Writing ${req.out}`);
      const res = await writeUpdatedZip(req.out, layout, writeOpts);
      report.output = {
        kind: "zip",
        path: req.out,
        sha256: res.sha256,
        bytes: res.bytes
      };
    } else if (req.dir) {
      reporter.info(`Writing ${req.dir}`);
      const res = await writeUpdatedDir(req.dir, layout, writeOpts);
      report.output = { kind: "dir", path: req.dir, bytes: res.bytes };
    }
    if (req.updateLock && target !== lock.level) {
      if (overlay && lock.overlay)
        report.overlayRewritten = await rewriteOverlay(lock.overlay, overlay);
      const text = await fs19.readFile(lock.file, "utf8");
      await writeFileAtomic(lock.file, setLockLevel(text, target));
      report.lockUpdated = true;
    }
    return report;
  } finally {
    await pack.zip.close();
    for (const p of payloads.values()) await p.zip.close();
  }
}
function withProgress(req) {
  return {
    ...req.env ? { env: req.env } : {},
    onProgress: (e) => req.reporter.progress(`Downloading ${e.url}`, e.bytes, e.total ?? 0)
  };
}
function checkPackLevel(pack, lock, target) {
  if (pack.state && pack.state.channel !== lock.channel) {
    throw badInput(
      `${pack.zip.label}: pack is on channel ${pack.state.channel}, the lock says ${lock.channel}`
    );
  }
  if (pack.level > target) {
    throw badInput(
      `${pack.zip.label}: pack is at level ${pack.level}, above the requested level ${target}`
    );
  }
  if (lock.overlay && pack.level > lock.level) {
    throw badInput(
      `${pack.zip.label}: pack is at level ${pack.level}, above the lock's level ${lock.level} that the overlay was merged against`
    );
  }
  if (pack.state && pack.state.hotfixes.length > 0) {
    throw badInput(`${pack.zip.label}: pack carries hotfixes; remove them before updating`);
  }
}
function baseReport(req, pack, plan, payloads, overlay) {
  return {
    product: req.lock.product,
    version: req.lock.version,
    channel: req.lock.channel,
    packLevel: pack.level,
    lockLevel: req.lock.level,
    level: plan.to,
    levels: byLevel(payloads).map(([level, p]) => ({
      level,
      released: p.manifest.released,
      sha256: p.sha256,
      changes: p.manifest.changes
    })),
    files: { added: plan.added, modified: plan.modified, removed: plan.removed },
    overlay: (overlay?.files ?? []).map((f) => ({ path: f.path, outcome: f.outcome })),
    conflicts: [],
    lockUpdated: false,
    overlayRewritten: [],
    dryRun: req.dryRun
  };
}
async function vendorHashesForOverlay(plan, contents, overlay) {
  const out = /* @__PURE__ */ new Map();
  for (const f of overlay?.files ?? []) {
    const src = sourceAt(plan, f.path, plan.to);
    if (!src) out.set(f.path, null);
    else if (src.sha256) out.set(f.path, src.sha256);
    else out.set(f.path, sha256(await contents.read(src)));
  }
  return out;
}
async function gaHashes(repo, pack, packFile) {
  const ga = repo.index.pack;
  if (!ga?.manifest || packFile.verifiedSha256 !== ga.sha256) return {};
  const json = JSON.parse((await repo.client.readTarget(ga.manifest)).toString("utf8"));
  const manifest = parsePackManifest(json, ga.manifest);
  const hashes = {};
  for (const [path39, entry] of pack.files) {
    const m = manifest.files[path39];
    if (m && m.size === entry.uncompressedSize && m.crc32 >>> 0 === entry.crc32 >>> 0)
      hashes[path39] = m.sha256;
  }
  return hashes;
}
function byLevel(payloads) {
  return [...payloads.entries()].sort(([a], [b]) => a - b);
}
async function folderHoldsFiles(dir) {
  try {
    return (await fs19.readdir(dir)).length > 0;
  } catch {
    return false;
  }
}

// src/pipeline/apply-diff.ts
init_errors();
import path19 from "node:path";
async function applyDiff(args) {
  const { lock, dir } = args;
  const label = path19.basename(args.diff);
  const payload = await openPayload(args.diff, await sha256File(args.diff), label);
  const m = payload.manifest;
  try {
    if (m.from === void 0)
      throw badInput(`${label}: not a diff made by uplevel diff (no "from" level)`);
    if (m.product !== lock.product || m.version !== lock.version || m.channel !== lock.channel) {
      throw badInput(
        `${label}: is for ${m.product} ${m.version} (${m.channel}), the lock says ${lock.product} ${lock.version} (${lock.channel})`
      );
    }
    const state = await readHomeState(dir);
    if (!state)
      throw badInput(`--dir ${dir}: not a folder uplevel manages (no updates/uplevel.json)`);
    if (state.level !== m.from) {
      throw badInput(
        `--dir ${dir}: is at level ${state.level}, but ${label} goes from level ${m.from} to ${m.level}`
      );
    }
  } catch (e) {
    await payload.zip.close();
    throw e;
  }
  return applyInPlace({
    home: dir,
    lock,
    target: m.level,
    fetchPayloads: async () => /* @__PURE__ */ new Map([[m.level, payload]]),
    dryRun: args.dryRun,
    updateLock: args.updateLock,
    reporter: args.reporter
  });
}

// src/pipeline/export.ts
import { promises as fs22 } from "node:fs";
import path22 from "node:path";
init_errors();

// src/repo/tuf/repository.ts
var import_models2 = __toESM(require_dist2(), 1);
var import_role = __toESM(require_role(), 1);
import { createHash as createHash10 } from "node:crypto";
import { createReadStream as createReadStream4, promises as fs21 } from "node:fs";
import path21 from "node:path";
init_errors();

// src/repo/tuf/keys.ts
var import_canonical_json = __toESM(require_lib(), 1);
var import_models = __toESM(require_dist2(), 1);
init_errors();
import {
  createHash as createHash9,
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  sign
} from "node:crypto";
import { promises as fs20 } from "node:fs";
import path20 from "node:path";
var ROLES = ["root", "targets", "snapshot", "timestamp"];
function publicKeyFor(privateKey) {
  const spki = createPublicKey(privateKey).export({ format: "der", type: "spki" });
  const keyVal = { public: spki.subarray(spki.length - 32).toString("hex") };
  const body = { keytype: "ed25519", scheme: "ed25519", keyval: keyVal };
  const keyID = createHash9("sha256").update((0, import_canonical_json.canonicalize)(body)).digest("hex");
  return new import_models.Key({ keyID, keyType: "ed25519", scheme: "ed25519", keyVal });
}
function signer(k) {
  return (data) => new import_models.Signature({ keyID: k.key.keyID, sig: sign(null, data, k.privateKey).toString("hex") });
}
async function generateRoleKeys(dir, counts = {}) {
  const keysDir = path20.join(dir, "keys");
  await fs20.mkdir(keysDir, { recursive: true, mode: 448 });
  const out = {};
  for (const role of ROLES) {
    out[role] = [];
    for (let i = 1; i <= (counts[role] ?? 1); i++) out[role].push(await newKey(dir, role, i));
  }
  return out;
}
var keyFile = (dir, role, n) => path20.join(dir, "keys", n === 1 ? `${role}.pem` : `${role}-${n}.pem`);
async function newKey(dir, role, n) {
  const { privateKey } = generateKeyPairSync("ed25519");
  const pem = privateKey.export({ format: "pem", type: "pkcs8" });
  await fs20.writeFile(keyFile(dir, role, n), pem, { mode: 384, flag: "wx" });
  return { key: publicKeyFor(privateKey), privateKey };
}
async function loadRoleKeys(dir, role) {
  const names = (await fs20.readdir(path20.join(dir, "keys")).catch(() => [])).filter((n) => new RegExp(`^${role}(-\\d+)?\\.pem$`).test(n)).sort();
  if (names.length === 0) {
    throw badInput(
      `${path20.join(dir, "keys")}: the ${role} signing key is missing (is ${dir} a repository made by repo init?)`
    );
  }
  const out = [];
  for (const n of names) {
    const privateKey = createPrivateKey(await fs20.readFile(path20.join(dir, "keys", n), "utf8"));
    out.push({ key: publicKeyFor(privateKey), privateKey });
  }
  return out;
}

// src/repo/tuf/repository.ts
var SPEC_VERSION = "1.0.31";
var DEFAULT_EXPIRES_DAYS = 365;
var expiry = (now, days) => new Date(now.getTime() + days * 864e5).toISOString().replace(/\.\d{3}Z$/, "Z");
async function writeAtomic(file, data) {
  const tmp = `${file}.tmp-${process.pid}`;
  await fs21.writeFile(tmp, data);
  await fs21.rename(tmp, file);
}
function signAll(md, keys) {
  keys.forEach((k, i) => md.sign(signer(k), i > 0));
}
var toText = (md) => `${JSON.stringify(md.toJSON(), null, 1)}
`;
async function initRepository(opts) {
  const dir = path21.resolve(opts.dir);
  const now = opts.now ?? /* @__PURE__ */ new Date();
  const expiresDays = opts.expiresDays ?? DEFAULT_EXPIRES_DAYS;
  if (!Number.isInteger(expiresDays) || expiresDays < 1)
    throw badInput("--expires must be a whole number of days \u2265 1");
  const metadataDir = path21.join(dir, "metadata");
  if (await exists2(metadataDir))
    throw badInput(`${dir}: already holds a repository (metadata/ exists)`);
  if (await exists2(path21.join(dir, "keys")))
    throw badInput(`${dir}: already holds keys/; refusing to overwrite them`);
  await fs21.mkdir(metadataDir, { recursive: true });
  await fs21.mkdir(path21.join(dir, "targets"), { recursive: true });
  const keys = await generateRoleKeys(dir, opts.threshold ?? {});
  await writeAtomic(
    path21.join(dir, "keys", "config.json"),
    `${JSON.stringify({ expiresDays })}
`
  );
  const roles = Object.fromEntries(
    ["root", "targets", "snapshot", "timestamp"].map((r) => [
      r,
      new import_role.Role({ keyIDs: keys[r].map((k) => k.key.keyID), threshold: keys[r].length })
    ])
  );
  const root = new import_models2.Root({
    version: 1,
    specVersion: SPEC_VERSION,
    expires: expiry(now, expiresDays),
    consistentSnapshot: true,
    roles,
    keys: Object.fromEntries(
      Object.values(keys).flatMap((ks) => ks.map((k) => [k.key.keyID, k.key]))
    )
  });
  const rootMd = new import_models2.Metadata(root);
  signAll(rootMd, keys.root);
  const rootPath = path21.join(metadataDir, "1.root.json");
  await writeAtomic(rootPath, toText(rootMd));
  await writeAtomic(path21.join(metadataDir, "root.json"), toText(rootMd));
  await signTopLevel(dir, {}, now, expiresDays, { targets: 0, snapshot: 0, timestamp: 0 });
  return { rootPath };
}
async function exists2(p) {
  return fs21.stat(p).then(
    () => true,
    () => false
  );
}
async function readConfig(dir) {
  try {
    return JSON.parse(
      await fs21.readFile(path21.join(dir, "keys", "config.json"), "utf8")
    );
  } catch {
    return { expiresDays: DEFAULT_EXPIRES_DAYS };
  }
}
async function readMetadata(dir, name) {
  const file = path21.join(dir, "metadata", name);
  try {
    return JSON.parse(await fs21.readFile(file, "utf8"));
  } catch {
    throw badInput(`${file}: missing or unreadable (is ${dir} a repository made by repo init?)`);
  }
}
async function currentTargets(dir) {
  return import_models2.Metadata.fromJSON(
    "targets",
    await readMetadata(dir, "targets.json")
  );
}
async function signTopLevel(dir, targets, now, expiresDays, previous) {
  const metadataDir = path21.join(dir, "metadata");
  const expires = expiry(now, expiresDays);
  const targetsMd = new import_models2.Metadata(
    new import_models2.Targets({ version: previous.targets + 1, specVersion: SPEC_VERSION, expires, targets })
  );
  signAll(targetsMd, await loadRoleKeys(dir, "targets"));
  const targetsText = toText(targetsMd);
  await writeAtomic(
    path21.join(metadataDir, `${targetsMd.signed.version}.targets.json`),
    targetsText
  );
  await writeAtomic(path21.join(metadataDir, "targets.json"), targetsText);
  const snapshotMd = new import_models2.Metadata(
    new import_models2.Snapshot({
      version: previous.snapshot + 1,
      specVersion: SPEC_VERSION,
      expires,
      meta: { "targets.json": new import_models2.MetaFile({ version: targetsMd.signed.version }) }
    })
  );
  signAll(snapshotMd, await loadRoleKeys(dir, "snapshot"));
  const snapshotText = toText(snapshotMd);
  await writeAtomic(
    path21.join(metadataDir, `${snapshotMd.signed.version}.snapshot.json`),
    snapshotText
  );
  await writeAtomic(path21.join(metadataDir, "snapshot.json"), snapshotText);
  const snapshotBytes = Buffer.from(snapshotText);
  const timestampMd = new import_models2.Metadata(
    new import_models2.Timestamp({
      version: previous.timestamp + 1,
      specVersion: SPEC_VERSION,
      expires,
      snapshotMeta: new import_models2.MetaFile({
        version: snapshotMd.signed.version,
        length: snapshotBytes.length,
        hashes: { sha256: createHash10("sha256").update(snapshotBytes).digest("hex") }
      })
    })
  );
  signAll(timestampMd, await loadRoleKeys(dir, "timestamp"));
  await writeAtomic(path21.join(metadataDir, "timestamp.json"), toText(timestampMd));
}
async function hashFile(file) {
  const h = createHash10("sha256");
  let length = 0;
  try {
    for await (const chunk of createReadStream4(file, { highWaterMark: 1 << 20 })) {
      h.update(chunk);
      length += chunk.length;
    }
  } catch (e) {
    throw badInput(`${file}: cannot be read (${e.code ?? e})`);
  }
  return { sha256: h.digest("hex"), length };
}
var exclusive = (dir, fn) => withDirLock(path21.join(dir, "keys"), fn);
function storedTargetPath(targetPath, sha2562) {
  const slash = targetPath.lastIndexOf("/");
  return slash < 0 ? `${sha2562}.${targetPath}` : `${targetPath.slice(0, slash)}/${sha2562}.${targetPath.slice(slash + 1)}`;
}
async function publishTargets(repoDir, files, opts = {}) {
  const dir = path21.resolve(repoDir);
  await readMetadata(dir, "timestamp.json");
  await exclusive(dir, () => publishLocked(dir, files, opts));
}
async function publishLocked(dir, files, opts) {
  const now = opts.now ?? /* @__PURE__ */ new Date();
  const config = await readConfig(dir);
  const targetsMd = await currentTargets(dir);
  const snapshot = await readMetadata(dir, "snapshot.json");
  const timestamp = await readMetadata(dir, "timestamp.json");
  const targets = { ...targetsMd.signed.targets };
  for (const f of files) {
    const { sha256: sha2562, length } = await hashFile(f.localFile);
    const stored = path21.join(dir, "targets", storedTargetPath(f.targetPath, sha2562));
    await fs21.mkdir(path21.dirname(stored), { recursive: true });
    if (!await exists2(stored)) {
      const tmp = `${stored}.tmp-${process.pid}`;
      await fs21.copyFile(f.localFile, tmp);
      await fs21.rename(tmp, stored);
    }
    targets[f.targetPath] = new import_models2.TargetFile({ path: f.targetPath, length, hashes: { sha256: sha2562 } });
  }
  await signTopLevel(dir, targets, now, config.expiresDays, {
    targets: targetsMd.signed.version,
    snapshot: versionOf(snapshot),
    timestamp: versionOf(timestamp)
  });
}
function versionOf(md) {
  const v = md.signed?.version;
  return typeof v === "number" ? v : 0;
}
async function readTargetFile(repoDir, targetPath) {
  const dir = path21.resolve(repoDir);
  const targetsMd = await currentTargets(dir);
  const t = targetsMd.signed.targets[targetPath];
  if (!t) return void 0;
  const sha = t.hashes.sha256;
  return fs21.readFile(path21.join(dir, "targets", storedTargetPath(targetPath, sha)));
}

// src/pipeline/export.ts
var BUNDLE_FILE = "bundle.json";
async function exportBundle(args) {
  const { lock, from, to, out, reporter } = args;
  await assertFreshDir(out);
  const repo = await openLockRepository(lock, args.env ? { env: args.env } : {});
  if (from > to) throw badInput(`--from ${from} is above --to ${to}`);
  if (to > repo.latest)
    throw badInput(`--to ${to}: level does not exist (latest is ${repo.latest})`);
  const staging = `${out}.uplevel-export-${process.pid}`;
  await fs22.rm(staging, { recursive: true, force: true });
  await fs22.mkdir(path22.join(staging, "metadata"), { recursive: true });
  try {
    const client = repo.client;
    const write = (name, data) => fs22.writeFile(path22.join(staging, "metadata", name), data);
    for (let v = 1; ; v++) {
      const root = await client.rawMetadata(`${v}.root.json`);
      if (!root) break;
      await write(`${v}.root.json`, root);
      await write("root.json", root);
    }
    for (const [role, name] of [
      ["timestamp", "timestamp.json"],
      ["snapshot", `${client.trustedVersion("snapshot")}.snapshot.json`],
      ["targets", `${client.trustedVersion("targets")}.targets.json`]
    ]) {
      const data = await client.rawMetadata(name);
      if (!data) throw badInput(`the repository does not serve metadata/${name} (${role})`);
      await write(name, data);
    }
    const targets = [indexTarget(lock.product, lock.version)];
    if (from === 0 && repo.index.pack) {
      targets.push(repo.index.pack.target);
      if (repo.index.pack.manifest) targets.push(repo.index.pack.manifest);
    }
    for (let l = from + 1; l <= to; l++) targets.push(repo.level(l).target);
    for (const t of targets) {
      reporter.info(`Adding ${t}`);
      const file = await client.fetchTarget(t);
      const info = await client.targetInfo(t);
      const dest = path22.join(staging, "targets", storedTargetPath(t, info?.sha256 ?? ""));
      await fs22.mkdir(path22.dirname(dest), { recursive: true });
      await fs22.copyFile(file, dest);
    }
    const bundle = {
      schema: 1,
      product: lock.product,
      version: lock.version,
      channel: lock.channel,
      from,
      to,
      repository: /^https?:/.test(lock.repository) ? redactUrl(lock.repository) : lock.repository,
      created: (/* @__PURE__ */ new Date()).toISOString()
    };
    await fs22.writeFile(path22.join(staging, BUNDLE_FILE), `${JSON.stringify(bundle, null, 2)}
`);
    await fs22.rmdir(out).catch(() => void 0);
    await fs22.rename(staging, out);
    return { ...bundle, targets };
  } catch (e) {
    await fs22.rm(staging, { recursive: true, force: true });
    throw e;
  }
}
async function readBundleInfo(dir) {
  const file = path22.join(dir, BUNDLE_FILE);
  try {
    const info = JSON.parse(await fs22.readFile(file, "utf8"));
    if (info.schema !== 1 || typeof info.to !== "number" || typeof info.from !== "number")
      throw new Error("schema");
    return info;
  } catch {
    throw badInput(
      `--bundle ${dir}: not a bundle made by uplevel export (${BUNDLE_FILE} missing or invalid)`
    );
  }
}

// src/pipeline/load-lock.ts
init_errors();
init_lock();
import { promises as fs23 } from "node:fs";
import path23 from "node:path";
var DEFAULT_LOCK = "uplevel.yml";
async function loadLock(file) {
  const abs = path23.resolve(file ?? DEFAULT_LOCK);
  let text;
  try {
    text = await fs23.readFile(abs, "utf8");
  } catch (e) {
    const code = e.code;
    if (code === "ENOENT") throw badInput(`${abs}: lock file not found (give --lock FILE)`);
    if (code === "EISDIR") throw badInput(`${abs}: is a folder, not a lock file`);
    throw e;
  }
  return parseLock(text, abs);
}

// src/cli/args.ts
init_errors();
import path24 from "node:path";
import { parseArgs } from "node:util";
function parse(command, argv, options2, allowPositionals = false) {
  try {
    return parseArgs({ args: argv, options: options2, allowPositionals, strict: true });
  } catch (e) {
    throw badInput(`uplevel ${command}: ${e.message.split("\n")[0]}`);
  }
}
function intFlag(name, value) {
  if (value === void 0) return void 0;
  if (!/^\d+$/.test(value)) throw badInput(`--${name} must be a whole number \u2265 0 (got "${value}")`);
  return Number(value);
}
function required(name, value) {
  if (value === void 0 || value === "") throw badInput(`--${name} is required`);
  return value;
}
async function parseRangeCommand(command, argv) {
  const { values } = parse(command, argv, {
    lock: { type: "string" },
    from: { type: "string" },
    to: { type: "string" },
    out: { type: "string" },
    json: { type: "boolean" }
  });
  const lock = await loadLock(values.lock);
  const from = intFlag("from", values.from) ?? lock.level;
  const to = intFlag("to", values.to);
  if (to === void 0) throw badInput(`uplevel ${command}: --to M is required`);
  const out = path24.resolve(required("out", values.out));
  return { lock, from, to, out, json: Boolean(values.json) };
}

// src/cli/commands/apply.ts
async function applyCommand(argv, ctx) {
  const { values } = parse("apply", argv, {
    lock: { type: "string" },
    level: { type: "string" },
    out: { type: "string" },
    dir: { type: "string" },
    pack: { type: "string" },
    "dry-run": { type: "boolean" },
    json: { type: "boolean" },
    "no-lock-update": { type: "boolean" },
    bundle: { type: "string" },
    diff: { type: "string" }
  });
  if (values.diff) return applyDiffCommand(values, ctx);
  let lock = await loadLock(values.lock);
  let levelFlag = values.level ?? "latest";
  if (values.bundle) {
    const dir = path25.resolve(values.bundle);
    const info = await readBundleInfo(dir);
    if (info.product !== lock.product || info.version !== lock.version || info.channel !== lock.channel) {
      throw badInput(
        `--bundle ${dir}: holds ${info.product} ${info.version} (${info.channel}), the lock says ${lock.product} ${lock.version} (${lock.channel})`
      );
    }
    if (levelFlag === "latest") levelFlag = String(info.to);
    if (Number(levelFlag) > info.to || Number(levelFlag) < info.from) {
      throw badInput(`--level ${levelFlag}: the bundle covers levels ${info.from} to ${info.to}`);
    }
    lock = { ...lock, repository: dir };
  }
  let level;
  if (levelFlag === "latest") level = "latest";
  else if (/^\d+$/.test(levelFlag)) level = Number(levelFlag);
  else throw badInput(`--level must be a whole number or "latest" (got "${levelFlag}")`);
  const reporter = ctx.reporter({ json: Boolean(values.json) });
  const abs = (p) => typeof p === "string" ? path25.resolve(p) : void 0;
  let report;
  try {
    report = await apply({
      lock,
      level,
      ...abs(values.out) ? { out: abs(values.out) } : {},
      ...abs(values.dir) ? { dir: abs(values.dir) } : {},
      ...abs(values.pack) ? { pack: abs(values.pack) } : {},
      dryRun: Boolean(values["dry-run"]),
      updateLock: !values["no-lock-update"],
      reporter,
      env: ctx.env
    });
  } finally {
    reporter.end();
  }
  if (values.json) ctx.printJson(report);
  else printReport(report, ctx);
  return report.conflicts.length > 0 ? 4 : 0;
}
function printReport(r, ctx) {
  const head = r.dryRun ? "Plan" : "Applied";
  ctx.print(`${head}: ${r.product} ${r.version} (${r.channel}) level ${r.packLevel} \u2192 ${r.level}`);
  for (const l of r.levels) ctx.print(`  level ${l.level}: ${l.changes.length} change(s)`);
  ctx.print(
    `  files: ${r.files.added.length} added, ${r.files.modified.length} modified, ${r.files.removed.length} removed`
  );
  if (r.dryRun) {
    for (const p of r.files.added) ctx.print(`    + ${p}`);
    for (const p of r.files.modified) ctx.print(`    ~ ${p}`);
    for (const p of r.files.removed) ctx.print(`    - ${p}`);
  }
  for (const o of r.overlay) ctx.print(`  overlay ${o.path}: ${o.outcome}`);
  for (const c of r.conflicts)
    ctx.print(`  CONFLICT ${c.path}${c.files.length ? ` (${c.files.join(", ")})` : ""}`);
  if (r.output)
    ctx.print(`  wrote ${r.output.path}${r.output.sha256 ? ` (sha256 ${r.output.sha256})` : ""}`);
  if (r.lockUpdated)
    ctx.print(
      `  lock level set to ${r.level}${r.overlayRewritten.length ? `; overlay updated: ${r.overlayRewritten.join(", ")}` : ""}`
    );
}
async function applyDiffCommand(values, ctx) {
  if (!values.dir)
    throw badInput("apply --diff needs --dir DIR: a folder at the level the diff starts from");
  if (values.out || values.bundle || values.pack || values.level) {
    throw badInput("apply --diff takes --dir only (the diff says its levels)");
  }
  const lock = await loadLock(values.lock);
  const reporter = ctx.reporter({ json: Boolean(values.json) });
  try {
    const r = await applyDiff({
      lock,
      diff: path25.resolve(values.diff),
      dir: path25.resolve(values.dir),
      dryRun: Boolean(values["dry-run"]),
      updateLock: !values["no-lock-update"],
      reporter
    });
    if (values.json) ctx.printJson(r);
    else {
      ctx.print(
        `${values["dry-run"] ? "Plan" : "Applied"}: level ${r.from} \u2192 ${r.to} in ${values.dir}`
      );
      for (const m of r.merged) ctx.print(`  ${m.origin} ${m.path}: ${m.outcome}`);
      for (const c of r.conflicts) ctx.print(`  CONFLICT ${c.path}`);
    }
    return r.conflicts.length ? 4 : 0;
  } finally {
    reporter.end();
  }
}

// src/cli/commands/changelog.ts
init_errors();
async function changelogCommand(argv, ctx) {
  const { values } = parse("changelog", argv, {
    lock: { type: "string" },
    from: { type: "string" },
    to: { type: "string" },
    format: { type: "string" }
  });
  const format = values.format ?? "md";
  if (format !== "md" && format !== "json")
    throw badInput(`--format must be md or json (got "${format}")`);
  const lock = await loadLock(values.lock);
  const repo = await openLockRepository(lock, { env: ctx.env });
  const from = intFlag("from", values.from) ?? lock.level;
  const to = intFlag("to", values.to) ?? repo.latest;
  if (to > repo.latest)
    throw badInput(`--to ${to}: level does not exist (latest is ${repo.latest})`);
  if (from > to) throw badInput(`--from ${from} is above --to ${to}`);
  if (format === "json") {
    ctx.printJson(renderChangelogJson(lock.product, lock.version, from, to, repo.levels));
  } else {
    ctx.print(renderChangelogMarkdown(lock.product, lock.version, from, to, repo.levels).trimEnd());
  }
  return 0;
}

// src/cli/commands/check.ts
init_errors();

// src/core/available.ts
function availableUpdates(lock, levels, latest) {
  const above = levels.filter((l) => l.level > lock.level).sort((a, b) => a.level - b.level);
  const changes = above.flatMap((l) => l.changes);
  const severity = maxSeverity(changes);
  return {
    product: lock.product,
    version: lock.version,
    channel: lock.channel,
    currentLevel: lock.level,
    latestLevel: latest,
    updatesAvailable: above.length > 0 || latest > lock.level,
    securityUpdates: changes.filter((c) => c.type === "security").length,
    ...severity ? { maxSeverity: severity } : {},
    levels: above.map((l) => ({ level: l.level, released: l.released, changes: l.changes }))
  };
}

// src/pipeline/wso2/check-wso2.ts
async function checkWso2(lock, env, reporter) {
  const r = await applyWso2({
    lock,
    level: "latest",
    dryRun: true,
    updateLock: false,
    reporter,
    env
  });
  return availableUpdates(lock, [], Math.max(r.level, lock.level));
}

// src/cli/commands/check.ts
async function checkCommand(argv, ctx) {
  const { values } = parse("check", argv, {
    lock: { type: "string" },
    json: { type: "boolean" },
    "exit-code": { type: "boolean" }
  });
  const lock = await loadLock(values.lock);
  let result;
  if (lock.source === "wso2") {
    const reporter = ctx.reporter({ json: Boolean(values.json) });
    try {
      result = await checkWso2(lock, ctx.env, reporter);
    } finally {
      reporter.end();
    }
  } else {
    const repo = await openLockRepository(lock, { env: ctx.env });
    result = availableUpdates(lock, repo.levels, repo.latest);
  }
  const above = result.levels;
  if (values.json) ctx.printJson(result);
  else {
    ctx.print(
      `${lock.product} ${lock.version} (${lock.channel}): level ${lock.level}, latest ${result.latestLevel}`
    );
    if (!result.updatesAvailable) ctx.print("Up to date.");
    for (const l of above) {
      ctx.print(`  level ${l.level} (${l.released.slice(0, 10)}):`);
      for (const c of l.changes)
        ctx.print(`    [${c.type}${c.severity ? `/${c.severity}` : ""}] ${c.id} ${c.title}`);
    }
  }
  return values["exit-code"] && result.updatesAvailable ? ExitCode.updatesAvailable : ExitCode.ok;
}

// src/cli/commands/demo.ts
init_errors();
import path32 from "node:path";
import { promises as fs30 } from "node:fs";

// src/demo/demo.ts
import { promises as fs29 } from "node:fs";
import net2 from "node:net";
import os4 from "node:os";
import path31 from "node:path";
init_errors();

// src/pipeline/test-runner.ts
import { spawn as spawn2 } from "node:child_process";
import { createWriteStream as createWriteStream5, promises as fs24, readdirSync, readFileSync as readFileSync2 } from "node:fs";
import http2 from "node:http";
import https2 from "node:https";
import net from "node:net";
import path26 from "node:path";
var WITHHELD_ENV = [
  "UPLEVEL_TOKEN",
  "UPLEVEL_USERNAME",
  "UPLEVEL_PASSWORD",
  "INPUT_TOKEN",
  "INPUT_PASSWORD",
  "INPUT_REPOSITORY-TOKEN",
  "INPUT_WSO2-PASSWORD",
  "WSO2_PASSWORD",
  "UPDATE_TOOL_PASSWORD",
  // The action's own runtime token opens the run's caches and artifacts to writing.
  "ACTIONS_RUNTIME_TOKEN"
];
var TAIL_LINES = 20;
var sleep3 = (ms) => new Promise((r) => setTimeout(r, ms));
async function runTests(opts) {
  const started = Date.now();
  await fs24.mkdir(opts.logDir, { recursive: true });
  const env = {
    ...process.env,
    ...opts.env,
    UPLEVEL_PACK_HOME: opts.packHome,
    UPLEVEL_LEVEL: String(opts.level)
  };
  delete env.UPLEVEL_PREVIOUS_LEVEL;
  if (opts.previousLevel !== void 0) env.UPLEVEL_PREVIOUS_LEVEL = String(opts.previousLevel);
  for (const k of WITHHELD_ENV) delete env[k];
  const result = {
    passed: false,
    commands: [],
    junitFile: path26.join(opts.logDir, "junit.xml"),
    durationMs: 0
  };
  const logFiles = logFileNamer(opts.logDir);
  let server;
  try {
    if (opts.tests.start) {
      const logFile = logFiles("server");
      result.server = { started: false, ready: false, logFile };
      opts.onEvent?.({ event: "server-starting", command: opts.tests.start });
      server = await spawnInGroup(opts.tests.start, opts.packHome, env, logFile);
      result.server.started = true;
      const t0 = Date.now();
      const error = await waitReady(opts.tests, server, logFile);
      if (error) {
        result.server.error = error;
        opts.onEvent?.({ event: "server-not-ready", error });
        for (const cmd of opts.tests.run)
          result.commands.push(await skipped(cmd, logFiles(cmd.name), error));
        return result;
      }
      result.server.ready = true;
      opts.onEvent?.({ event: "server-ready", ms: Date.now() - t0 });
    }
    for (const cmd of opts.tests.run) {
      opts.onEvent?.({ event: "command-start", name: cmd.name });
      const r = await runCommand(
        cmd,
        opts.cwd ?? process.cwd(),
        env,
        logFiles(cmd.name),
        cmd.timeoutMs ?? opts.tests.timeoutMs
      );
      result.commands.push(r);
      opts.onEvent?.({ event: "command-end", name: cmd.name, status: r.status });
    }
    result.passed = result.commands.every((c) => c.status === "passed");
    return result;
  } finally {
    if (server) await stopGroup(server, opts.stopGraceMs ?? 5e3);
    result.durationMs = Date.now() - started;
    await fs24.writeFile(result.junitFile, renderJUnit(result, "uplevel"));
  }
}
function logFileNamer(logDir) {
  const used = /* @__PURE__ */ new Set();
  return (name) => {
    const base = name.replace(/[^A-Za-z0-9._-]/g, "_").replace(/^\.+/, "_") || "_";
    let file = `${base}.log`;
    for (let i = 2; used.has(file); i++) file = `${base}-${i}.log`;
    used.add(file);
    return path26.join(logDir, file);
  };
}
async function skipped(cmd, logFile, reason) {
  const tail = `not run: ${reason}`;
  await fs24.writeFile(logFile, `${tail}
`);
  return { ...cmd, status: "skipped", exitCode: null, durationMs: 0, logFile, tail };
}
async function spawnInGroup(command, cwd, env, logFile) {
  const log = createWriteStream5(logFile);
  await new Promise((resolve, reject) => log.once("open", resolve).once("error", reject));
  const child = spawn2("sh", ["-c", command], {
    cwd,
    env,
    detached: true,
    stdio: ["ignore", log, log]
  });
  const spawned = {
    child,
    exited: new Promise((resolve) => {
      child.once("error", (e) => {
        spawned.spawnError = `${e.message} (in ${cwd})`;
        resolve();
      });
      child.once("exit", () => resolve());
    }).finally(() => log.end())
  };
  if (child.pid !== void 0) {
    liveGroups.add(child.pid);
    watchForOurDeath();
  }
  return spawned;
}
function groupExists(pgid) {
  try {
    process.kill(-pgid, 0);
  } catch (e) {
    return e.code === "EPERM";
  }
  return !onlyZombiesLeft(pgid);
}
function onlyZombiesLeft(pgid) {
  let names;
  try {
    names = readdirSync("/proc");
  } catch {
    return false;
  }
  for (const n of names) {
    if (!/^\d+$/.test(n)) continue;
    let stat;
    try {
      stat = readFileSync2(`/proc/${n}/stat`, "utf8");
    } catch {
      continue;
    }
    const [state, , pgrp] = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    if (Number(pgrp) === pgid && state !== "Z") return false;
  }
  return true;
}
function signalGroup(pid, sig) {
  try {
    process.kill(-pid, sig);
  } catch {
  }
}
async function waitGroupsGone(pids, ms) {
  const deadline = Date.now() + ms;
  while (pids.some(groupExists) && Date.now() < deadline) await sleep3(50);
}
async function stopGroup(s, graceMs) {
  const pid = s.child.pid;
  if (pid === void 0) return;
  if (groupExists(pid)) {
    signalGroup(pid, "SIGTERM");
    await waitGroupsGone([pid], graceMs);
  }
  signalGroup(pid, "SIGKILL");
  await s.exited;
  untrackGroup(pid);
}
var liveGroups = /* @__PURE__ */ new Set();
var SIGNALS = ["SIGINT", "SIGTERM", "SIGHUP"];
var listening = false;
var interrupted = false;
function watchForOurDeath() {
  if (listening) return;
  listening = true;
  process.on("exit", killAllGroups);
  for (const sig of SIGNALS) process.on(sig, onSignal);
}
function stopWatching() {
  listening = false;
  interrupted = false;
  process.off("exit", killAllGroups);
  for (const sig of SIGNALS) process.off(sig, onSignal);
}
function untrackGroup(pid) {
  liveGroups.delete(pid);
  if (liveGroups.size === 0) stopWatching();
}
function killAllGroups() {
  for (const pid of liveGroups) signalGroup(pid, "SIGKILL");
}
function onSignal(sig) {
  const die = () => {
    killAllGroups();
    stopWatching();
    if (process.listenerCount(sig) === 0) process.kill(process.pid, sig);
  };
  if (interrupted) return die();
  interrupted = true;
  for (const pid of liveGroups) signalGroup(pid, "SIGTERM");
  void waitGroupsGone([...liveGroups], 2e3).then(die);
}
async function waitReady(tests, server, logFile) {
  const deadline = Date.now() + tests.timeoutMs;
  const probe = readinessProbe(tests.ready, logFile);
  let delay = 100;
  for (; ; ) {
    if (server.spawnError) return `server could not be started: ${server.spawnError}`;
    const { pid, exitCode, signalCode } = server.child;
    if (exitCode !== null && (exitCode !== 0 || !groupExists(pid)) || signalCode !== null)
      return `server exited (code ${exitCode ?? signalCode}) before it was ready`;
    if (await probe()) return void 0;
    if (Date.now() >= deadline) break;
    await sleep3(Math.min(delay, Math.max(0, deadline - Date.now())));
    delay = Math.min(delay * 2, 1e3);
  }
  return `server not ready after ${tests.timeoutMs} ms (${tests.ready ?? "no ready probe"})`;
}
function readinessProbe(ready, logFile) {
  if (!ready) return async () => true;
  if (ready.startsWith("tcp:")) {
    const port = Number(ready.slice(4));
    return () => new Promise((resolve) => {
      const s = net.connect({ port, host: "127.0.0.1" });
      s.once("connect", () => {
        s.destroy();
        resolve(true);
      });
      s.once("error", () => resolve(false));
      s.setTimeout(1e3, () => {
        s.destroy();
        resolve(false);
      });
    });
  }
  if (ready.startsWith("log:")) {
    const re = new RegExp(ready.slice(4), "m");
    return async () => re.test(await fs24.readFile(logFile, "utf8").catch(() => ""));
  }
  const url = new URL(ready);
  return () => new Promise((resolve) => {
    const onResponse = (res) => {
      res.resume();
      const code = res.statusCode ?? 0;
      resolve(code >= 200 && code < 300);
    };
    const req = url.protocol === "https:" ? https2.get(url, { timeout: 2e3, rejectUnauthorized: false }, onResponse) : http2.get(url, { timeout: 2e3 }, onResponse);
    req.once("timeout", () => req.destroy());
    req.once("error", () => resolve(false));
  });
}
async function runCommand(cmd, cwd, env, logFile, timeoutMs) {
  const t0 = Date.now();
  const s = await spawnInGroup(cmd.command, cwd, env, logFile);
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    void stopGroup(s, 2e3);
  }, timeoutMs);
  await s.exited;
  clearTimeout(timer);
  await stopGroup(s, 0);
  const durationMs = Date.now() - t0;
  if (s.spawnError) await fs24.appendFile(logFile, `could not run: ${s.spawnError}
`);
  const text = await fs24.readFile(logFile, "utf8").catch(() => "");
  const exitCode = s.spawnError ? null : s.child.exitCode;
  return {
    name: cmd.name,
    command: cmd.command,
    status: timedOut ? "timed-out" : exitCode === 0 ? "passed" : "failed",
    exitCode,
    durationMs,
    logFile,
    tail: text.trimEnd().split("\n").slice(-TAIL_LINES).join("\n")
  };
}
var xml = (s) => s.replace(
  /[<>&'"]/g,
  (c) => ({ "<": "&lt;", ">": "&gt;", "&": "&amp;", "'": "&apos;", '"': "&quot;" })[c]
).replace(/[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]/g, "");
function renderJUnit(result, suiteName) {
  const suite = xml(suiteName);
  const cases = [];
  let failures = 0;
  let skips = 0;
  if (result.server && !result.server.ready) {
    failures++;
    cases.push(
      `    <testcase classname="${suite}" name="server-ready" time="0"><failure message="${xml(result.server.error ?? "not ready")}"/></testcase>`
    );
  }
  for (const c of result.commands) {
    const time = (c.durationMs / 1e3).toFixed(3);
    let body = "";
    if (c.status === "skipped") {
      skips++;
      body = `<skipped message="${xml(c.tail)}"/>`;
    } else if (c.status !== "passed") {
      failures++;
      const message = c.status === "timed-out" ? "timed out" : `exit code ${c.exitCode}`;
      body = `<failure message="${xml(message)}">${xml(c.tail)}</failure>`;
    }
    cases.push(
      `    <testcase classname="${suite}" name="${xml(c.name)}" time="${time}">${body}</testcase>`
    );
  }
  const counts = `tests="${cases.length}" failures="${failures}" errors="0" skipped="${skips}"`;
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites ${counts}>`,
    `  <testsuite name="${suite}" ${counts} time="${(result.durationMs / 1e3).toFixed(3)}">`,
    ...cases,
    "  </testsuite>",
    "</testsuites>",
    ""
  ].join("\n");
}

// src/repo/add-to-repository.ts
import { promises as fs25 } from "node:fs";
import os3 from "node:os";
import path27 from "node:path";
init_errors();

// src/repo/pack-manifest.ts
init_errors();
init_types();
import { createHash as createHash11 } from "node:crypto";

// src/repo/pack-name.ts
var import_semver3 = __toESM(require_semver2(), 1);
init_errors();
function parseTopFolder(top, label) {
  const m = /^([a-z0-9][a-z0-9._-]*?)-(\d+\.\d+\.\d+(?:[-+][0-9A-Za-z.-]+)?)$/.exec(top);
  if (!m || !import_semver3.default.valid(m[2])) {
    throw badInput(`${label}: top folder ${top}/ is not <product>-<semver version>`);
  }
  return { product: m[1], version: m[2] };
}

// src/repo/pack-manifest.ts
async function buildPackManifest(file) {
  const zip = await SafeZip.open(file, { label: file });
  try {
    const top = zip.topFolder();
    if (!top) throw badInput(`${file}: a pack must hold one top-level folder`);
    const { product, version } = parseTopFolder(top, file);
    const files = {};
    for (const e of zip.entries) {
      if (e.isDirectory) continue;
      const rel = e.name.slice(top.length + 1);
      if (rel === PACK_STATE_PATH) continue;
      const h = createHash11("sha256");
      for await (const chunk of await zip.openData(e)) h.update(chunk);
      files[rel] = { sha256: h.digest("hex"), size: e.uncompressedSize, crc32: e.crc32 };
    }
    return { schema: 1, product, version, files };
  } finally {
    await zip.close();
  }
}

// src/repo/add-to-repository.ts
var indexPath = (product, version) => `${product}/${version}/index.json`;
var payloadPath = (m) => `${m.product}/${m.version}/${m.channel}/${m.level}.zip`;
var manifestPath = (product, version) => `${product}/${version}/${product}-${version}.files.json`;
var packPath = (product, version) => `${product}/${version}/${product}-${version}.zip`;
async function readManifest(file) {
  const zip = await SafeZip.open(file, { label: file });
  try {
    const e = zip.get("update.json");
    if (!e) throw badInput(`${file}: no update.json in the payload`);
    let json;
    try {
      json = JSON.parse((await zip.readBuffer(e, 16 * 1024 * 1024)).toString("utf8"));
    } catch (err) {
      if (err instanceof SyntaxError) throw badInput(`${file}: update.json is not valid JSON`);
      throw err;
    }
    return parseUpdateManifest(json, `${file}: update.json`);
  } finally {
    await zip.close();
  }
}
async function addToRepository(opts) {
  if (!opts.pack && opts.updates.length === 0)
    throw badInput("repo add needs --pack and/or update payloads");
  const byVersion = /* @__PURE__ */ new Map();
  const group = (product, version) => {
    const key = `${product}@${version}`;
    let g = byVersion.get(key);
    if (!g) byVersion.set(key, g = { product, version, files: [], manifests: [] });
    return g;
  };
  for (const file of opts.updates) {
    const m = await readManifest(file);
    const g = group(m.product, m.version);
    g.files.push(file);
    g.manifests.push(m);
  }
  let pack;
  if (opts.pack) {
    const zip = await SafeZip.open(opts.pack, { label: opts.pack });
    const top = zip.topFolder();
    await zip.close();
    if (!top) throw badInput(`${opts.pack}: a pack must hold one top-level folder`);
    pack = { ...parseTopFolder(top, opts.pack), file: opts.pack };
    group(pack.product, pack.version);
  }
  const targets = [];
  const published = [];
  const unchanged = [];
  const scratch = await fs25.mkdtemp(path27.join(os3.tmpdir(), "uplevel-add-"));
  try {
    for (const g of byVersion.values()) {
      const ip = indexPath(g.product, g.version);
      const existing = await readTargetFile(opts.dir, ip);
      const index = existing ? parseRepositoryIndex(JSON.parse(existing.toString("utf8")), ip) : { schema: 1, product: g.product, version: g.version, channels: {} };
      if (pack && pack.product === g.product && pack.version === g.version) {
        const sha = await sha256File(pack.file);
        const size = (await fs25.stat(pack.file)).size;
        if (index.pack && index.pack.sha256 !== sha) {
          throw badInput(
            `${pack.file}: a different GA pack is already published for ${g.product} ${g.version}`
          );
        }
        if (index.pack?.manifest) unchanged.push(index.pack.target);
        else {
          const manifestFile = path27.join(scratch, `${g.product}-${g.version}.files.json`);
          await fs25.writeFile(
            manifestFile,
            `${JSON.stringify(await buildPackManifest(pack.file))}
`
          );
          index.pack = {
            target: packPath(g.product, g.version),
            sha256: sha,
            size,
            manifest: manifestPath(g.product, g.version)
          };
          targets.push({ targetPath: index.pack.target, localFile: pack.file });
          targets.push({ targetPath: index.pack.manifest, localFile: manifestFile });
          published.push(index.pack.target, index.pack.manifest);
        }
      }
      for (let i = 0; i < g.manifests.length; i++) {
        const m = g.manifests[i];
        const file = g.files[i];
        const channel = index.channels[m.channel] ??= { levels: [] };
        const sha = await sha256File(file);
        const size = (await fs25.stat(file)).size;
        const have = channel.levels.find((l) => l.level === m.level);
        if (have) {
          if (have.sha256 !== sha) {
            throw badInput(
              `${file}: level ${m.level} of ${m.channel} is already published with other content; levels never change once published`
            );
          }
          unchanged.push(have.target);
          continue;
        }
        const level = {
          level: m.level,
          released: m.released,
          target: payloadPath(m),
          sha256: sha,
          size,
          changes: m.changes
        };
        channel.levels.push(level);
        channel.levels.sort((x, y) => x.level - y.level);
        targets.push({ targetPath: level.target, localFile: file });
        published.push(level.target);
      }
      for (const [name, ch] of Object.entries(index.channels)) {
        ch.levels.forEach((l, i) => {
          if (l.level !== i + 1) {
            throw badInput(
              `channel ${name} of ${g.product} ${g.version} would skip level ${i + 1}; publish levels in order`
            );
          }
        });
      }
      const indexFile = path27.join(scratch, `${g.product}-${g.version}-index.json`);
      await fs25.writeFile(indexFile, `${JSON.stringify(index, null, 2)}
`);
      targets.push({ targetPath: ip, localFile: indexFile });
    }
    if (published.length > 0)
      await publishTargets(opts.dir, targets, opts.now ? { now: opts.now } : void 0);
    return { published, unchanged };
  } finally {
    await fs25.rm(scratch, { recursive: true, force: true });
  }
}

// src/repo/build-update.ts
import { promises as fs26 } from "node:fs";
import path28 from "node:path";

// src/core/config-files.ts
var CONFIG_EXTENSIONS = /* @__PURE__ */ new Set([
  ".toml",
  ".xml",
  ".yaml",
  ".yml",
  ".properties",
  ".conf",
  ".cfg",
  ".ini",
  ".json",
  ".j2",
  ".policy",
  ".xsl",
  ".xslt"
]);
var TEXT_IN_CONFIG_FOLDERS = /* @__PURE__ */ new Set([
  ".sh",
  ".bat",
  ".cmd",
  ".ps1",
  ".txt",
  ".vm",
  ".xsd",
  ".wsdl",
  ".dtd",
  ".sql",
  ".env",
  ".jaas",
  ""
]);
var CONFIG_FOLDER = /(^|\/)(conf|config|etc|bin)\//i;
function extension(p) {
  const base = p.slice(p.lastIndexOf("/") + 1);
  const dot = base.lastIndexOf(".");
  return dot > 0 ? base.slice(dot).toLowerCase() : "";
}
function isConfigFile(p) {
  const ext = extension(p);
  if (CONFIG_EXTENSIONS.has(ext)) return true;
  return TEXT_IN_CONFIG_FOLDERS.has(ext) && CONFIG_FOLDER.test(p);
}

// src/repo/build-update.ts
init_errors();
init_types();
async function openPackFiles(file, label) {
  const zip = await SafeZip.open(file, { label });
  const top = zip.topFolder();
  if (!top) {
    await zip.close();
    throw badInput(`${label}: a pack must hold one top-level folder`);
  }
  const files = /* @__PURE__ */ new Map();
  for (const e of zip.entries) {
    if (e.isDirectory) continue;
    const rel = e.name.slice(top.length + 1);
    if (rel !== PACK_STATE_PATH) files.set(rel, e);
  }
  return { zip, top, files };
}
var modeOf = (e) => e.mode & 511 || 420;
var sameBytes = (a, b) => a.uncompressedSize === b.uncompressedSize && a.crc32 >>> 0 === b.crc32 >>> 0;
async function buildUpdate(opts) {
  const minLevel = opts.hotfixId ? 0 : 1;
  if (!Number.isInteger(opts.level) || opts.level < minLevel) {
    throw badInput(`--level must be an integer \u2265 ${minLevel}`);
  }
  const a = await openPackFiles(opts.from, opts.from);
  let b;
  try {
    b = await openPackFiles(opts.to, opts.to);
    if (a.top !== b.top)
      throw badInput(`${opts.to}: top folder ${b.top}/ differs from ${opts.from}'s ${a.top}/`);
    const { product, version } = parseTopFolder(b.top, opts.to);
    const added = [];
    const modified = [];
    const removed = [];
    const bases = [];
    const hashOf = async (pf, e) => sha256(await pf.zip.readBuffer(e));
    for (const [p, be] of [...b.files].sort(([x], [y]) => x < y ? -1 : 1)) {
      const ae = a.files.get(p);
      if (!ae) {
        added.push({
          path: p,
          sha256: await hashOf(b, be),
          size: be.uncompressedSize,
          mode: modeOf(be)
        });
      } else if (!sameBytes(ae, be) || modeOf(ae) !== modeOf(be)) {
        const entry = {
          path: p,
          sha256: await hashOf(b, be),
          size: be.uncompressedSize,
          mode: modeOf(be),
          replaces: ""
        };
        const old = await a.zip.readBuffer(ae);
        entry.replaces = sha256(old);
        if (isConfigFile(p) && isText(old)) {
          entry.hasBase = true;
          bases.push(p);
        }
        modified.push(entry);
      }
    }
    for (const [p, ae] of [...a.files].sort(([x], [y]) => x < y ? -1 : 1)) {
      if (!b.files.has(p)) removed.push({ path: p, sha256: await hashOf(a, ae) });
    }
    const manifest = {
      schema: 1,
      product,
      version,
      channel: opts.channel,
      level: opts.level,
      released: opts.released.toISOString().replace(/\.\d{3}Z$/, "Z"),
      changes: opts.changes,
      ...opts.includesHotfixes?.length ? { includesHotfixes: opts.includesHotfixes } : {},
      ...opts.hotfixId ? { id: opts.hotfixId } : {},
      files: { added, modified, removed }
    };
    await writePayload(opts.out, manifest, a, b, bases, opts.released);
    return manifest;
  } finally {
    await a.zip.close();
    await b?.zip.close();
  }
}
async function writePayload(out, manifest, a, b, bases, released) {
  const tmp = path28.join(path28.dirname(out), `.${path28.basename(out)}.uplevel-${process.pid}.tmp`);
  const w = await ZipWriter.create(tmp);
  try {
    const dos = toDosDateTime(released);
    await w.addBuffer(
      manifest && "id" in manifest ? "hotfix.json" : "update.json",
      Buffer.from(`${JSON.stringify(manifest, null, 2)}
`),
      {
        mode: 420,
        ...dos
      }
    );
    const copy = async (pf, rel, name, mode) => {
      const e = pf.files.get(rel);
      await w.addRaw(
        {
          name,
          compressionMethod: e.compressionMethod,
          crc32: e.crc32,
          compressedSize: e.compressedSize,
          uncompressedSize: e.uncompressedSize,
          mode,
          dosDate: e.dosDate,
          dosTime: e.dosTime
        },
        await pf.zip.openRaw(e)
      );
    };
    const changed = [...manifest.files.added, ...manifest.files.modified].sort(
      (x, y) => x.path < y.path ? -1 : 1
    );
    for (const f of changed) await copy(b, f.path, `files/${f.path}`, f.mode);
    for (const p of bases) await copy(a, p, `base/${p}`, 420);
    await w.finish();
    await fs26.rename(tmp, out);
  } catch (e) {
    await w.abort().catch(() => void 0);
    await fs26.rm(tmp, { force: true });
    throw e;
  }
}

// src/repo/serve.ts
import { createReadStream as createReadStream5, promises as fs27 } from "node:fs";
import http3 from "node:http";
import path29 from "node:path";
var SERVED = ["metadata", "targets"];
async function serveDirectory(dir, opts = {}) {
  const root = path29.resolve(dir);
  const server = http3.createServer((req, res) => {
    handle(root, opts, req, res).catch(() => {
      if (!res.headersSent) res.writeHead(500);
      res.end();
    });
  });
  await new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(opts.port ?? 0, opts.host ?? "127.0.0.1", () => resolve());
  });
  const { port, address } = server.address();
  return {
    url: `http://${address}:${port}`,
    close: () => new Promise((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    })
  };
}
function authorised(req, auth) {
  if (!auth) return true;
  const header = req.headers.authorization ?? "";
  if (auth.token && header === `Bearer ${auth.token}`) return true;
  if (auth.username !== void 0) {
    const expected = `Basic ${Buffer.from(`${auth.username}:${auth.password ?? ""}`).toString("base64")}`;
    if (header === expected) return true;
  }
  return false;
}
async function handle(root, opts, req, res) {
  if (req.method !== "GET" && req.method !== "HEAD") {
    res.writeHead(405, { Allow: "GET, HEAD" }).end();
    return;
  }
  if (!authorised(req, opts.auth)) {
    res.writeHead(401, { "WWW-Authenticate": 'Basic realm="uplevel"' }).end();
    return;
  }
  let rel;
  try {
    rel = decodeURIComponent(new URL(req.url ?? "/", "http://x").pathname).replace(/^\/+/, "");
  } catch {
    res.writeHead(400).end();
    return;
  }
  const file = path29.resolve(root, rel);
  const top = rel.split("/")[0] ?? "";
  if (!SERVED.includes(top) || !file.startsWith(path29.join(root, top) + path29.sep)) {
    res.writeHead(404).end();
    return;
  }
  const st = await fs27.stat(file).catch(() => void 0);
  if (!st?.isFile()) {
    res.writeHead(404).end();
    return;
  }
  const headers = {
    "Accept-Ranges": "bytes",
    "Content-Type": file.endsWith(".json") ? "application/json" : "application/octet-stream",
    "Cache-Control": file.endsWith("timestamp.json") ? "no-cache" : "max-age=300"
  };
  const range = /^bytes=(\d*)-(\d*)$/.exec(req.headers.range ?? "");
  let start = 0;
  let end = st.size - 1;
  let status = 200;
  if (range && (range[1] || range[2])) {
    if (range[1]) {
      start = Number(range[1]);
      if (range[2]) end = Math.min(Number(range[2]), st.size - 1);
    } else {
      start = Math.max(0, st.size - Number(range[2]));
    }
    if (start > end || start >= st.size) {
      res.writeHead(416, { "Content-Range": `bytes */${st.size}` }).end();
      return;
    }
    status = 206;
    headers["Content-Range"] = `bytes ${start}-${end}/${st.size}`;
  }
  headers["Content-Length"] = st.size === 0 ? 0 : end - start + 1;
  res.writeHead(status, headers);
  if (req.method === "HEAD" || st.size === 0) {
    res.end();
    return;
  }
  createReadStream5(file, { start, end, highWaterMark: 1 << 20 }).pipe(res);
}

// src/demo/sample.ts
import { existsSync, promises as fs28 } from "node:fs";
import path30 from "node:path";
import { fileURLToPath as fileURLToPath2 } from "node:url";
function sampleRoot() {
  let dir = path30.dirname(fileURLToPath2(import.meta.url));
  for (; ; ) {
    if (existsSync(path30.join(dir, "sample", "ga"))) return path30.join(dir, "sample");
    const parent = path30.dirname(dir);
    if (parent === dir)
      throw new Error("the embedded sample (sample/ga) was not found next to uplevel");
    dir = parent;
  }
}
async function materializeSample(sampleDir, outDir) {
  const levels = [];
  const ga = path30.join(outDir, "level-0");
  await fs28.cp(path30.join(sampleDir, "ga"), ga, { recursive: true });
  levels.push({ level: 0, tree: ga, changesFile: "" });
  const numbers = (await fs28.readdir(path30.join(sampleDir, "levels"))).filter((n) => /^\d+$/.test(n)).map(Number).sort((a, b) => a - b);
  let previous = ga;
  for (const n of numbers) {
    const src = path30.join(sampleDir, "levels", String(n));
    const tree = path30.join(outDir, `level-${n}`);
    await fs28.cp(previous, tree, { recursive: true });
    if (existsSync(path30.join(src, "files")))
      await fs28.cp(path30.join(src, "files"), tree, { recursive: true });
    const removed = path30.join(src, "removed.txt");
    if (existsSync(removed)) {
      for (const rel of (await fs28.readFile(removed, "utf8")).split("\n").map((l) => l.trim()).filter(Boolean)) {
        await fs28.rm(path30.join(tree, rel));
      }
    }
    levels.push({ level: n, tree, changesFile: path30.join(src, "CHANGES.yml") });
    previous = tree;
  }
  return { levels };
}
var SAMPLE_TIME = toDosDateTime(new Date(Date.UTC(2026, 0, 1)));
async function writePackZip(tree, top, zipFile) {
  const files = [];
  const dirs = [];
  const walk = async (rel) => {
    for (const d of (await fs28.readdir(path30.join(tree, rel), { withFileTypes: true })).sort(
      (a, b) => a.name < b.name ? -1 : 1
    )) {
      const r = rel ? `${rel}/${d.name}` : d.name;
      if (d.isDirectory()) {
        dirs.push(r);
        await walk(r);
      } else if (d.isFile()) files.push(r);
    }
  };
  await walk("");
  const w = await ZipWriter.create(zipFile);
  try {
    await w.addDirectory(`${top}/`, { mode: 493, ...SAMPLE_TIME });
    for (const d of dirs.sort())
      await w.addDirectory(`${top}/${d}/`, { mode: 493, ...SAMPLE_TIME });
    for (const f of files.sort()) {
      const data = await fs28.readFile(path30.join(tree, f));
      await w.addBuffer(`${top}/${f}`, data, {
        mode: f.endsWith(".sh") ? 493 : 420,
        ...SAMPLE_TIME
      });
    }
    await w.finish();
  } catch (e) {
    await w.abort();
    throw e;
  }
}

// src/demo/demo.ts
var SAMPLE_PRODUCT = "sample-server";
var SAMPLE_VERSION = "1.0.0";
var TOP = `${SAMPLE_PRODUCT}-${SAMPLE_VERSION}`;
async function runDemo(opts) {
  const { reporter } = opts;
  const outDir = path31.resolve(opts.outDir);
  const work = await fs29.mkdtemp(path31.join(os4.tmpdir(), "uplevel-demo-"));
  const env = { ...process.env, UPLEVEL_CACHE_DIR: path31.join(work, "cache") };
  const step = (s) => reporter.info(`
\u25B8 ${s}`);
  let server;
  try {
    step("Vendor: build GA and three update levels of the sample product");
    const sample = sampleRoot();
    const { repoDir, rootPath, packs } = await publishSampleRepository(work, reporter);
    server = await serveDirectory(repoDir, { port: 0 });
    reporter.info(`  signed repository served at ${server.url}`);
    step("Team: a lock file at level 0 with a customised conf/server.properties");
    const team = path31.join(work, "team");
    const lockFile = await writeSampleTeam(team, { repository: server.url, rootPath });
    step("check: what is available above the lock\u2019s level");
    const lock = await loadLock(lockFile);
    const repo = await openLockRepository(lock, { env });
    const above = repo.levels.filter((l) => l.level > lock.level);
    const securityUpdates = above.flatMap((l) => l.changes).filter((c) => c.type === "security").length;
    reporter.info(
      `  level ${lock.level} \u2192 latest ${repo.latest}: ${above.length} level(s), ${securityUpdates} security fix(es)`
    );
    step("apply: GA \u2192 latest, overlay merged, one pack written");
    await fs29.mkdir(outDir, { recursive: true });
    const packFile = path31.join(outDir, `${TOP}-level-${repo.latest}.zip`);
    const report = await apply({
      lock,
      level: "latest",
      out: packFile,
      dryRun: false,
      updateLock: true,
      reporter,
      env
    });
    for (const o of report.overlay) reporter.info(`  overlay ${o.path}: ${o.outcome}`);
    step("test: start the updated server, wait for health, run the smoke test");
    const home = path31.join(work, "run", TOP);
    await extractPack(packFile, home);
    const logDir = path31.join(outDir, "test-logs");
    await fs29.rm(logDir, { recursive: true, force: true });
    await fs29.mkdir(logDir, { recursive: true });
    const updatedLock = await loadLock(lockFile);
    const tests = await runTests({
      packHome: home,
      tests: updatedLock.tests,
      level: report.level,
      previousLevel: report.lockLevel,
      logDir,
      cwd: team,
      env
    });
    for (const c of tests.commands) reporter.info(`  ${c.name}: ${c.status}`);
    step("hotfix: an environment at level 1 carries SAMPLE-HF-1; it is updated in place");
    const hotfixDemo = await demoHotfix({
      work,
      sample,
      packs,
      server: server.url,
      rootPath,
      env,
      reporter
    });
    step(
      "publish: pack, sha256, changelog and report in " + path31.relative(process.cwd(), outDir || ".")
    );
    const sha2562 = await sha256File(packFile);
    await fs29.writeFile(`${packFile}.sha256`, `${sha2562}  ${path31.basename(packFile)}
`);
    await fs29.writeFile(
      path31.join(outDir, "CHANGELOG.md"),
      renderChangelogMarkdown(
        SAMPLE_PRODUCT,
        SAMPLE_VERSION,
        report.lockLevel,
        report.level,
        repo.levels
      )
    );
    const demoReport = {
      product: SAMPLE_PRODUCT,
      version: SAMPLE_VERSION,
      repository: server.url,
      check: { currentLevel: lock.level, latestLevel: repo.latest, securityUpdates },
      apply: report,
      tests,
      hotfix: hotfixDemo,
      pack: { file: path31.basename(packFile), sha256: sha2562 }
    };
    await fs29.writeFile(
      path31.join(outDir, "report.json"),
      `${JSON.stringify(demoReport, null, 2)}
`
    );
    if (!tests.passed)
      throw new UplevelError(ExitCode.testsFailed, `sample tests failed (logs in ${logDir})`);
    return { outDir, pack: packFile, sha256: sha2562, report: demoReport };
  } finally {
    await server?.close();
    if (!opts.keepWork) await fs29.rm(work, { recursive: true, force: true });
  }
}
async function publishSampleRepository(work, reporter) {
  const sample = sampleRoot();
  const { levels } = await materializeSample(sample, path31.join(work, "trees"));
  const packs = [];
  await fs29.mkdir(path31.join(work, "packs"));
  for (const l of levels) {
    const zip = path31.join(work, "packs", `${TOP}-level-${l.level}.zip`);
    await writePackZip(l.tree, TOP, zip);
    packs[l.level] = zip;
  }
  const repoDir = path31.join(work, "repo");
  const { rootPath } = await initRepository({ dir: repoDir });
  const payloads = [];
  for (const l of levels.filter((x) => x.level > 0)) {
    const out = path31.join(work, `update-${l.level}.zip`);
    const changes = parseChangesYaml(await fs29.readFile(l.changesFile, "utf8"), l.changesFile);
    const includesFile = path31.join(path31.dirname(l.changesFile), "includes-hotfixes.txt");
    const includes = (await fs29.readFile(includesFile, "utf8").catch(() => "")).split("\n").map((x) => x.trim()).filter(Boolean);
    const m = await buildUpdate({
      from: packs[l.level - 1],
      to: packs[l.level],
      level: l.level,
      channel: "full",
      changes,
      ...includes.length ? { includesHotfixes: includes } : {},
      released: new Date(Date.UTC(2026, 1, 1 + 14 * (l.level - 1))),
      out
    });
    reporter.info(
      `  level ${l.level}: ${m.files.added.length} added, ${m.files.modified.length} modified, ${m.files.removed.length} removed; ${changes.map((c) => `${c.type} ${c.id}`).join(", ")}`
    );
    payloads.push(out);
  }
  await addToRepository({ dir: repoDir, pack: packs[0], updates: payloads });
  return { repoDir, rootPath, packs };
}
async function writeSampleTeam(team, opts) {
  const sample = sampleRoot();
  await fs29.mkdir(path31.join(team, ".uplevel"), { recursive: true });
  await fs29.copyFile(opts.rootPath, path31.join(team, ".uplevel", "root.json"));
  await fs29.cp(path31.join(sample, "overlay"), path31.join(team, "deploy"), { recursive: true });
  await fs29.cp(path31.join(sample, "tests"), path31.join(team, "tests"), { recursive: true });
  const port = await freePort();
  const lockFile = path31.join(team, "uplevel.yml");
  await fs29.writeFile(lockFile, demoLock(opts.repository, port, opts.level ?? 0));
  return lockFile;
}
function demoLock(url, port, level) {
  return `# The team's lock file: which product, version, channel and level this environment runs.
product: ${SAMPLE_PRODUCT}
version: ${SAMPLE_VERSION}
channel: full
level: ${level}
repository: ${url}
trust: .uplevel/root.json
overlay: deploy/
tests:
  start: SAMPLE_SERVER_PORT=${port} bin/server.sh
  ready: http://127.0.0.1:${port}/health
  timeout: 30s
  run:
    - name: smoke
      command: SAMPLE_URL=http://127.0.0.1:${port} sh tests/smoke.sh
`;
}
async function freePort() {
  return new Promise((resolve, reject) => {
    const s = net2.createServer();
    s.once("error", reject);
    s.listen(0, "127.0.0.1", () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}
async function demoHotfix(args) {
  const { work, sample, packs, reporter } = args;
  const id = "SAMPLE-HF-1";
  const hfDir = path31.join(sample, "hotfixes", id);
  const level = Number((await fs29.readFile(path31.join(hfDir, "level.txt"), "utf8")).trim());
  const patchedTree = path31.join(work, "hotfix-tree");
  await fs29.cp(path31.join(work, "trees", `level-${level}`), patchedTree, { recursive: true });
  await fs29.cp(path31.join(hfDir, "files"), patchedTree, { recursive: true });
  const patchedPack = path31.join(work, "hotfix-pack.zip");
  await writePackZip(patchedTree, TOP, patchedPack);
  const hotfixZip = path31.join(work, `${id}.zip`);
  await buildUpdate({
    from: packs[level],
    to: patchedPack,
    level,
    channel: "full",
    changes: [
      { id, type: "bug", title: "Customer hotfix: byte-order mark in configuration files" }
    ],
    released: new Date(Date.UTC(2026, 1, 8)),
    hotfixId: id,
    out: hotfixZip
  });
  const envDir = path31.join(work, "environment");
  await fs29.mkdir(path31.join(envDir, ".uplevel"), { recursive: true });
  await fs29.copyFile(args.rootPath, path31.join(envDir, ".uplevel", "root.json"));
  const envLock = path31.join(envDir, "uplevel.yml");
  await fs29.writeFile(
    envLock,
    `product: ${SAMPLE_PRODUCT}
version: ${SAMPLE_VERSION}
level: ${level}
repository: ${args.server}
trust: .uplevel/root.json
`
  );
  const home = path31.join(envDir, TOP);
  const quiet = {
    info: () => void 0,
    warn: (m) => reporter.warn(m),
    progress: () => void 0
  };
  await apply({
    lock: await loadLock(envLock),
    level,
    dir: home,
    dryRun: false,
    updateLock: false,
    reporter: quiet,
    env: args.env
  });
  const hf = await openHotfix(hotfixZip);
  try {
    await applyHotfix(home, hf);
  } finally {
    await hf.zip.close();
  }
  reporter.info(`  environment at level ${level} with hotfix ${id}`);
  const report = await apply({
    lock: await loadLock(envLock),
    level: "latest",
    dir: home,
    dryRun: false,
    updateLock: true,
    reporter: quiet,
    env: args.env
  });
  const hotfixes = report.hotfixes ?? { dropped: [], reapplied: [] };
  for (const d of hotfixes.dropped)
    reporter.info(
      `  updated in place to level ${report.level}: ${d} dropped, the new level includes it`
    );
  for (const r of hotfixes.reapplied)
    reporter.info(`  updated in place to level ${report.level}: ${r} put back`);
  return { id, environmentLevel: report.level, ...hotfixes };
}

// src/cli/commands/demo.ts
async function demoCommand(argv, ctx) {
  const { values } = parse("demo", argv, {
    out: { type: "string" },
    json: { type: "boolean" },
    stage: { type: "string" }
  });
  if (values.stage) return stageCommand(path32.resolve(values.stage), ctx);
  const outDir = path32.resolve(values.out ?? "out");
  const reporter = ctx.reporter({ json: Boolean(values.json) });
  try {
    const r = await runDemo({ outDir, reporter });
    if (values.json) ctx.printJson(r.report);
    else {
      const a = r.report.apply;
      ctx.print("");
      ctx.print(
        `uplevel demo: ${a.product} ${a.version} level ${a.lockLevel} \u2192 ${a.level}, tests passed`
      );
      ctx.print(`  pack       ${path32.relative(process.cwd(), r.pack)}`);
      ctx.print(`  sha256     ${r.sha256}`);
      ctx.print(`  changelog  ${path32.relative(process.cwd(), path32.join(outDir, "CHANGELOG.md"))}`);
      ctx.print(`  report     ${path32.relative(process.cwd(), path32.join(outDir, "report.json"))}`);
    }
    return 0;
  } finally {
    reporter.end();
  }
}
async function stageCommand(dir, ctx) {
  if ((await fs30.readdir(dir).catch(() => [])).length > 0) {
    throw badInput(`--stage ${dir}: folder is not empty`);
  }
  const work = path32.join(dir, "vendor");
  await fs30.mkdir(work, { recursive: true });
  const reporter = ctx.reporter();
  try {
    const { repoDir, rootPath } = await publishSampleRepository(work, reporter);
    const lock = await writeSampleTeam(path32.join(dir, "team"), { repository: repoDir, rootPath });
    ctx.print(`repository ${repoDir}`);
    ctx.print(`lock       ${lock}`);
    return 0;
  } finally {
    reporter.end();
  }
}

// src/pipeline/diff.ts
init_errors();
import { promises as fs31 } from "node:fs";
import path33 from "node:path";
function foldUpdates(manifests) {
  const fold = /* @__PURE__ */ new Map();
  for (const m of manifests) {
    for (const f of m.files.removed) {
      const rec = fold.get(f.path) ?? { existed: true, shaAtFrom: f.sha256, current: null };
      rec.current = null;
      fold.set(f.path, rec);
    }
    for (const f of m.files.modified) {
      const rec = fold.get(f.path) ?? {
        existed: true,
        shaAtFrom: f.replaces,
        ...f.hasBase ? { baseLevel: m.level } : {},
        current: null
      };
      rec.current = { level: m.level, file: f };
      fold.set(f.path, rec);
    }
    for (const f of m.files.added) {
      const rec = fold.get(f.path) ?? { existed: false, current: null };
      rec.current = { level: m.level, file: f };
      fold.set(f.path, rec);
    }
  }
  return fold;
}
async function buildDiff(args) {
  const { lock, from, to, out, reporter } = args;
  if (from >= to) throw badInput(`--from ${from} must be below --to ${to}`);
  const repo = await openLockRepository(lock, args.env ? { env: args.env } : {});
  if (to > repo.latest)
    throw badInput(`--to ${to}: level does not exist (latest is ${repo.latest})`);
  const payloads = /* @__PURE__ */ new Map();
  try {
    await fetchLevels(repo, lock, from, to, payloads, reporter);
    const manifests = [...payloads.keys()].sort((a, b) => a - b).map((l) => payloads.get(l).manifest);
    const fold = foldUpdates(manifests);
    const added = [];
    const modified = [];
    const removed = [];
    for (const [p, rec] of [...fold].sort(([a], [b]) => a < b ? -1 : 1)) {
      if (rec.current && !rec.existed) added.push({ ...pick(rec.current.file), path: p });
      else if (rec.current && rec.existed) {
        modified.push({
          ...pick(rec.current.file),
          path: p,
          replaces: rec.shaAtFrom,
          ...rec.baseLevel !== void 0 ? { hasBase: true } : {}
        });
      } else if (!rec.current && rec.existed)
        removed.push({ path: p, sha256: rec.shaAtFrom });
    }
    const last = manifests[manifests.length - 1];
    const changes = manifests.flatMap((m) => m.changes);
    const hotfixes = [...new Set(manifests.flatMap((m) => m.includesHotfixes ?? []))];
    const manifest = {
      schema: 1,
      product: lock.product,
      version: lock.version,
      channel: lock.channel,
      level: to,
      from,
      released: last.released,
      changes,
      ...hotfixes.length ? { includesHotfixes: hotfixes } : {},
      files: { added, modified, removed }
    };
    const tmp = path33.join(path33.dirname(out), `.${path33.basename(out)}.uplevel-${process.pid}.tmp`);
    const w = await ZipWriter.create(tmp);
    try {
      const dos = toDosDateTime(new Date(last.released));
      await w.addBuffer("update.json", Buffer.from(`${JSON.stringify(manifest, null, 2)}
`), {
        mode: 420,
        ...dos
      });
      const copy = async (payload, entryName, name) => {
        const e = payload.zip.get(entryName);
        if (!e) throw badInput(`${payload.zip.label}: ${entryName} is missing`);
        await w.addRaw({ ...e, name }, payload.zip.readRawChunks(e));
      };
      for (const f of [...added, ...modified]) {
        const rec = fold.get(f.path);
        await copy(
          payloads.get(rec.current?.level),
          `files/${f.path}`,
          `files/${f.path}`
        );
      }
      for (const f of modified) {
        const rec = fold.get(f.path);
        if (rec.baseLevel !== void 0) {
          await copy(
            payloads.get(rec.baseLevel),
            `base/${f.path}`,
            `base/${f.path}`
          );
        }
      }
      await w.finish();
      await fs31.rename(tmp, out);
    } catch (e) {
      await w.abort().catch(() => void 0);
      throw e;
    }
    reporter.info(
      `Diff ${from} \u2192 ${to}: ${added.length} added, ${modified.length} modified, ${removed.length} removed`
    );
    return manifest;
  } finally {
    for (const p of payloads.values()) await p.zip.close();
  }
}
function pick(f) {
  return { path: f.path, sha256: f.sha256, size: f.size, mode: f.mode };
}

// src/cli/commands/diff.ts
async function diffCommand(argv, ctx) {
  const { lock, from, to, out, json } = await parseRangeCommand("diff", argv);
  const reporter = ctx.reporter({ json });
  try {
    const m = await buildDiff({ lock, from, to, out, reporter, env: ctx.env });
    if (json) ctx.printJson({ out, manifest: m });
    else {
      const f = m.files;
      ctx.print(
        `Diff ${out}: level ${from} \u2192 ${to}, ${f.added.length} added, ${f.modified.length} modified, ${f.removed.length} removed`
      );
    }
    return 0;
  } finally {
    reporter.end();
  }
}

// src/cli/commands/export.ts
async function exportCommand(argv, ctx) {
  const { lock, from, to, out, json } = await parseRangeCommand("export", argv);
  const reporter = ctx.reporter({ json });
  try {
    const r = await exportBundle({ lock, from, to, out, reporter, env: ctx.env });
    if (json) ctx.printJson({ ...r, out });
    else {
      ctx.print(
        `Bundle ${out}: ${r.product} ${r.version} (${r.channel}) level ${r.from} \u2192 ${r.to}`
      );
      ctx.print(
        `  ${r.targets.length} signed file(s); apply it offline with: uplevel apply --bundle ${out} \u2026`
      );
    }
    return 0;
  } finally {
    reporter.end();
  }
}

// src/cli/commands/hotfix.ts
init_errors();
import path34 from "node:path";
async function hotfixCommand(argv, ctx) {
  const [sub, ...rest] = argv;
  if (sub !== "apply" && sub !== "remove") {
    throw badInput(
      `uplevel hotfix: unknown subcommand "${sub ?? ""}" (apply --dir DIR HOTFIX.zip, remove --dir DIR --id ID)`
    );
  }
  const { values, positionals } = parse(
    `hotfix ${sub}`,
    rest,
    { dir: { type: "string" }, id: { type: "string" }, json: { type: "boolean" } },
    sub === "apply"
  );
  const home = path34.resolve(required("dir", values.dir));
  const state = await withDirLock(workPath(home), async () => {
    await recover(home);
    if (sub === "remove")
      return removeHotfix(home, required("id", values.id));
    if (positionals.length !== 1) throw badInput("uplevel hotfix apply: give one hotfix zip");
    const hf = await openHotfix(path34.resolve(positionals[0]));
    try {
      return await applyHotfix(home, hf);
    } finally {
      await hf.zip.close();
    }
  });
  if (values.json) ctx.printJson({ level: state.level, hotfixes: state.hotfixes });
  else
    ctx.print(
      `${home}: level ${state.level}, hotfixes: ${state.hotfixes.map((h) => h.id).join(", ") || "none"}`
    );
  return 0;
}

// src/cli/commands/repo.ts
import { promises as fs32 } from "node:fs";
import path35 from "node:path";
init_errors();
init_types();
async function repoCommand(argv, ctx) {
  const [sub, ...rest] = argv;
  switch (sub) {
    case "init":
      return init(rest, ctx);
    case "build":
      return build(rest, ctx);
    case "add":
      return add(rest, ctx);
    case "serve":
      return serve(rest, ctx);
    default:
      throw badInput(`uplevel repo: unknown subcommand "${sub ?? ""}" (init, build, add, serve)`);
  }
}
async function init(argv, ctx) {
  const { values } = parse("repo init", argv, {
    dir: { type: "string" },
    expires: { type: "string" }
  });
  const dir = path35.resolve(required("dir", values.dir));
  const expiresDays = intFlag("expires", values.expires);
  const { rootPath } = await initRepository({ dir, ...expiresDays ? { expiresDays } : {} });
  ctx.print(`Initialised ${dir}`);
  ctx.print(`  trust anchor (pin it in uplevel.yml as trust:): ${rootPath}`);
  ctx.print(`  private keys: ${path35.join(dir, "keys")} (never serve or commit them)`);
  return 0;
}
async function build(argv, ctx) {
  const { values } = parse("repo build", argv, {
    from: { type: "string" },
    to: { type: "string" },
    level: { type: "string" },
    channel: { type: "string" },
    changes: { type: "string" },
    released: { type: "string" },
    out: { type: "string" },
    json: { type: "boolean" },
    "includes-hotfixes": { type: "string" },
    hotfix: { type: "string" }
  });
  const level = intFlag("level", required("level", values.level));
  let changes = [];
  if (values.changes) {
    const file = path35.resolve(values.changes);
    const text = await fs32.readFile(file, "utf8").catch(() => {
      throw badInput(`--changes ${file}: cannot read the file`);
    });
    changes = parseChangesYaml(text, file);
  }
  let released = /* @__PURE__ */ new Date();
  if (values.released) {
    released = new Date(values.released);
    if (Number.isNaN(released.getTime()))
      throw badInput(`--released must be an ISO date (got "${values.released}")`);
  }
  released.setUTCMilliseconds(0);
  const manifest = await buildUpdate({
    from: path35.resolve(required("from", values.from)),
    to: path35.resolve(required("to", values.to)),
    level,
    channel: values.channel ?? DEFAULT_CHANNEL,
    changes,
    released,
    out: path35.resolve(required("out", values.out)),
    ...values["includes-hotfixes"] ? {
      includesHotfixes: values["includes-hotfixes"].split(",").map((x) => x.trim()).filter(Boolean)
    } : {},
    ...values.hotfix ? { hotfixId: values.hotfix } : {}
  });
  const { added, modified, removed } = manifest.files;
  if (values.json) ctx.printJson({ out: path35.resolve(values.out), manifest });
  else {
    ctx.print(
      `Built level ${level} of ${manifest.product} ${manifest.version} (${manifest.channel}): ${values.out}`
    );
    ctx.print(
      `  ${added.length} added, ${modified.length} modified, ${removed.length} removed, ${changes.length} change(s)`
    );
  }
  return 0;
}
async function add(argv, ctx) {
  const { values, positionals } = parse(
    "repo add",
    argv,
    { dir: { type: "string" }, pack: { type: "string" }, json: { type: "boolean" } },
    true
  );
  const dir = path35.resolve(required("dir", values.dir));
  const result = await addToRepository({
    dir,
    ...values.pack ? { pack: path35.resolve(values.pack) } : {},
    updates: positionals.map((p) => path35.resolve(p))
  });
  if (values.json) ctx.printJson(result);
  else {
    for (const t of result.published) ctx.print(`published ${t}`);
    for (const t of result.unchanged) ctx.print(`unchanged ${t}`);
  }
  return 0;
}
async function serve(argv, ctx) {
  const { values } = parse("repo serve", argv, {
    dir: { type: "string" },
    port: { type: "string" }
  });
  const dir = path35.resolve(required("dir", values.dir));
  const port = intFlag("port", values.port) ?? 0;
  const server = await serveDirectory(dir, { port });
  ctx.print(server.url);
  await new Promise((resolve) => {
    const stop = () => resolve();
    process.once("SIGINT", stop);
    process.once("SIGTERM", stop);
  });
  await server.close();
  return 0;
}

// src/cli/commands/revert.ts
init_errors();
import path36 from "node:path";
async function revertCommand(argv, ctx) {
  const { values } = parse("revert", argv, {
    dir: { type: "string" },
    level: { type: "string" },
    json: { type: "boolean" }
  });
  const dir = path36.resolve(required("dir", values.dir));
  const level = intFlag("level", values.level);
  if (level === void 0) throw badInput("--level N is required: the level to go back to");
  const reporter = ctx.reporter({ json: Boolean(values.json) });
  try {
    const r = await revertInPlace(dir, level, reporter);
    if (values.json) ctx.printJson(r);
    else ctx.print(`Reverted ${dir} from level ${r.from} to ${r.to}`);
    return 0;
  } finally {
    reporter.end();
  }
}
async function recoverCommand(argv, ctx) {
  const { values } = parse("recover", argv, { dir: { type: "string" }, json: { type: "boolean" } });
  const dir = path36.resolve(required("dir", values.dir));
  const what = await recover(dir);
  if (values.json) ctx.printJson({ dir, recovered: what });
  else
    ctx.print(
      what === "none" ? `${dir}: nothing to recover` : `${dir}: the interrupted run was ${what}`
    );
  return 0;
}

// src/cli/commands/status.ts
init_errors();

// src/pipeline/status.ts
import { existsSync as existsSync2, promises as fs33, readFileSync as readFileSync3, statSync as statSync2 } from "node:fs";
import path37 from "node:path";
init_errors();
init_types();
var SMALL = 1024 * 1024;
async function statusOfDir(dir) {
  const root = path37.resolve(dir);
  const st = await fs33.stat(root).catch(() => void 0);
  if (!st?.isDirectory()) throw badInput(`--dir ${dir}: not a folder`);
  const state = await readState(root);
  const report = {
    source: { kind: "dir", path: root },
    name: path37.basename(root),
    managed: Boolean(state),
    level: state?.level ?? 0,
    updates: state?.updates ?? [],
    hotfixes: state?.hotfixes ?? [],
    vendor: detectUpdateModel({
      has: (p) => existsSync2(path37.join(root, p)),
      text: (p) => {
        try {
          const f = path37.join(root, p);
          return statSync2(f).size <= SMALL ? readFileSync3(f, "utf8") : void 0;
        } catch {
          return void 0;
        }
      }
    })
  };
  if (!state) return report;
  Object.assign(report, { product: state.product, version: state.version, channel: state.channel });
  const actual = /* @__PURE__ */ new Map();
  const walk = async (rel) => {
    for (const d of await fs33.readdir(path37.join(root, rel), { withFileTypes: true })) {
      const r = rel ? `${rel}/${d.name}` : d.name;
      if (r === WORK_DIR) continue;
      if (d.isDirectory()) await walk(r);
      else if (d.isFile() && r !== PACK_STATE_PATH)
        actual.set(r, await sha256File(path37.join(root, r)));
    }
  };
  await walk("");
  report.edits = localEdits(state, actual);
  return report;
}
async function readState(root) {
  const file = path37.join(root, PACK_STATE_PATH);
  let text;
  try {
    text = await fs33.readFile(file, "utf8");
  } catch {
    return void 0;
  }
  try {
    return parsePackState(JSON.parse(text), file);
  } catch (e) {
    if (e instanceof SyntaxError) throw badInput(`${file}: not valid JSON`);
    throw e;
  }
}
async function statusOfPack(file) {
  const zip = await SafeZip.open(file, { label: file });
  try {
    const top = zip.topFolder();
    if (!top) throw badInput(`${file}: a pack must hold one top-level folder`);
    const entry = zip.get(`${top}/${PACK_STATE_PATH}`);
    let state;
    if (entry) {
      const buf = await zip.readBuffer(entry, 64 * 1024 * 1024);
      try {
        state = parsePackState(JSON.parse(buf.toString("utf8")), `${file}: ${entry.name}`);
      } catch (e) {
        if (e instanceof SyntaxError) throw badInput(`${file}: ${entry.name} is not valid JSON`);
        throw e;
      }
    }
    const texts = /* @__PURE__ */ new Map();
    for (const p of ["updates/product.txt", "updates/config.json"]) {
      const e = zip.get(`${top}/${p}`);
      if (e) texts.set(p, (await zip.readBuffer(e, SMALL)).toString("utf8"));
    }
    const report = {
      vendor: detectUpdateModel({
        has: (p) => {
          const name = `${top}/${p}`;
          return zip.entries.some((e) => e.name === name || e.name.startsWith(`${name}/`));
        },
        text: (p) => texts.get(p)
      }),
      source: { kind: "pack", path: path37.resolve(file) },
      name: top,
      managed: Boolean(state),
      level: state?.level ?? 0,
      updates: state?.updates ?? [],
      hotfixes: state?.hotfixes ?? []
    };
    if (state)
      Object.assign(report, {
        product: state.product,
        version: state.version,
        channel: state.channel
      });
    return report;
  } finally {
    await zip.close();
  }
}

// src/cli/commands/status.ts
async function statusCommand(argv, ctx) {
  const { values } = parse("status", argv, {
    dir: { type: "string" },
    pack: { type: "string" },
    json: { type: "boolean" }
  });
  const dir = values.dir;
  const pack = values.pack;
  if (Boolean(dir) === Boolean(pack))
    throw badInput("status takes one of --dir DIR and --pack ZIP");
  const r = dir ? await statusOfDir(dir) : await statusOfPack(pack);
  if (values.json) ctx.printJson(r);
  else print(r, ctx);
  return 0;
}
function print(r, ctx) {
  const v = r.vendor;
  const vendorLine = v.kind === "none" ? void 0 : `  vendor: ${v.note}${v.kind === "wso2-u2" ? `; update level ${v.level ?? "none yet"}` : ""}${v.product ? ` (${v.product})` : ""}`;
  if (!r.managed) {
    ctx.print(
      v.kind === "wso2-u2" && v.level !== void 0 ? `${r.name}: WSO2 update level ${v.level} (not written by uplevel)` : `${r.name}: level 0 (GA as shipped; no ${"updates/uplevel.json"})`
    );
    if (vendorLine) ctx.print(vendorLine);
    return;
  }
  ctx.print(`${r.product} ${r.version} (${r.channel}): level ${r.level}`);
  if (vendorLine) ctx.print(vendorLine);
  for (const u of r.updates)
    ctx.print(`  update level ${u.level} (payload sha256 ${u.sha256.slice(0, 12)}\u2026)`);
  for (const h of r.hotfixes) ctx.print(`  hotfix ${h.id}`);
  if (r.edits) {
    const { modified, missing, added } = r.edits;
    if (!modified.length && !missing.length && !added.length) ctx.print("  no local edits");
    for (const p of modified) ctx.print(`  edited   ${p}`);
    for (const p of missing) ctx.print(`  missing  ${p}`);
    for (const p of added) ctx.print(`  added    ${p}`);
  }
}

// src/cli/commands/test.ts
init_errors();
import { promises as fs34 } from "node:fs";
import os5 from "node:os";
import path38 from "node:path";
async function testCommand(argv, ctx) {
  const { values } = parse("test", argv, {
    lock: { type: "string" },
    dir: { type: "string" },
    pack: { type: "string" },
    logs: { type: "string" },
    json: { type: "boolean" }
  });
  const lock = await loadLock(values.lock);
  if (!lock.tests) throw badInput(`${lock.file}: no tests: block`);
  const dir = values.dir;
  const pack = values.pack;
  if (Boolean(dir) === Boolean(pack)) throw badInput("test takes one of --dir DIR and --pack ZIP");
  const logDir = path38.resolve(
    values.logs ?? await fs34.mkdtemp(path38.join(os5.tmpdir(), "uplevel-test-logs-"))
  );
  await fs34.mkdir(logDir, { recursive: true });
  let home = dir ? path38.resolve(dir) : "";
  let cleanup;
  if (pack) {
    cleanup = await fs34.mkdtemp(path38.join(os5.tmpdir(), "uplevel-test-pack-"));
    home = path38.join(cleanup, "home");
    await extractPack(path38.resolve(pack), home);
  }
  const reporter = ctx.reporter({ json: Boolean(values.json) });
  try {
    const status = await statusOfDir(home);
    reporter.info(`Testing ${home} at level ${status.level}`);
    const result = await runTests({
      packHome: home,
      tests: lock.tests,
      level: status.level,
      ...status.level !== lock.level ? { previousLevel: lock.level } : {},
      logDir,
      cwd: path38.dirname(lock.file),
      env: ctx.env,
      onEvent: (e) => reporter.info(describeEvent(e))
    });
    if (values.json) ctx.printJson({ ...result, logDir });
    else {
      for (const c of result.commands)
        ctx.print(`  ${c.status.padEnd(9)} ${c.name} (${c.durationMs} ms)`);
      ctx.print(
        result.passed ? `Tests passed (logs: ${logDir})` : `Tests FAILED (logs: ${logDir})`
      );
    }
    if (!result.passed) {
      for (const c of result.commands.filter((x) => x.status !== "passed")) {
        process.stderr.write(
          `uplevel test: ${c.name} ${c.status}; last lines of ${c.logFile}:
${c.tail}
`
        );
      }
      if (result.server?.error)
        process.stderr.write(`uplevel test: server: ${result.server.error}
`);
      return ExitCode.testsFailed;
    }
    return ExitCode.ok;
  } finally {
    reporter.end();
    if (cleanup) await fs34.rm(cleanup, { recursive: true, force: true });
  }
}
function describeEvent(e) {
  if (e && typeof e === "object") {
    const o = e;
    return Object.entries(o).map(([k, v]) => `${k}=${typeof v === "string" ? v : JSON.stringify(v)}`).join(" ");
  }
  return String(e);
}

// src/cli/terminal-reporter.ts
function terminalReporter(opts = {}) {
  const stream = opts.stream ?? process.stderr;
  const tty = Boolean(stream.isTTY) && !process.env.CI;
  let last = 0;
  let drawn = false;
  const clear = () => {
    if (drawn) {
      stream.write("\r\x1B[2K");
      drawn = false;
    }
  };
  return {
    info(message) {
      if (opts.quiet) return;
      clear();
      stream.write(`${message}
`);
    },
    warn(message) {
      clear();
      stream.write(`warning: ${message}
`);
    },
    progress(task, done, total) {
      if (!tty || opts.quiet) return;
      const now = Date.now();
      if (now - last < 100 && done !== total) return;
      last = now;
      const pct = total > 0 ? ` ${Math.floor(done / total * 100)}%` : "";
      const count = total > 0 ? ` (${fmt(done)}/${fmt(total)})` : ` ${fmt(done)}`;
      const line = `${task}${pct}${count}`;
      const width = stream.columns ?? 80;
      stream.write(`\r\x1B[2K${line.length >= width ? line.slice(0, width - 1) : line}`);
      drawn = true;
    },
    end() {
      clear();
    }
  };
}
function fmt(n) {
  if (n >= 1 << 20) return `${(n / (1 << 20)).toFixed(1)} MiB`;
  return String(n);
}

// src/cli/main.ts
var USAGE = `uplevel: keep server product packs at the latest vendor update level

  uplevel check     [--lock F] [--json] [--exit-code]
  uplevel apply     [--lock F] [--level N|latest] (--out ZIP | --dir DIR) [--pack ZIP] [--bundle DIR] [--dry-run] [--json]
  uplevel export    [--lock F] [--from N] --to M --out DIR      signed offline bundle for apply --bundle
  uplevel diff      [--lock F] [--from N] --to M --out ZIP      only what changed, for apply --diff ZIP --dir DIR
  uplevel test      [--lock F] (--dir DIR | --pack ZIP)
  uplevel status    (--dir DIR | --pack ZIP) [--json]
  uplevel revert    --dir DIR --level N                     back to an earlier level, byte for byte
  uplevel recover   --dir DIR                               finish or undo an interrupted apply/revert
  uplevel changelog [--lock F] [--from N] [--to M] [--format md|json]
  uplevel hotfix    apply --dir DIR HOTFIX.zip | remove --dir DIR --id ID
  uplevel demo      [--out DIR] | --stage DIR           the whole flow, or only its files

  uplevel repo init  --dir REPO [--expires DAYS]
  uplevel repo build --from A.zip --to B.zip --level N [--channel C] [--changes CHANGES.yml]
                     [--includes-hotfixes ID,\u2026] [--hotfix ID] --out UPDATE.zip
  uplevel repo add   --dir REPO [--pack GA.zip] UPDATE.zip...
  uplevel repo serve --dir REPO [--port N]

Repository credentials: UPLEVEL_TOKEN, or UPLEVEL_USERNAME with UPLEVEL_PASSWORD or
--password-stdin (the password read from standard input).

Exit codes: 0 done, 1 bug, 2 bad input, 3 verification failed, 4 merge conflicts,
5 tests failed, 6 unreachable, 10 updates available (check --exit-code).`;
var COMMANDS = {
  check: checkCommand,
  apply: applyCommand,
  test: testCommand,
  status: statusCommand,
  changelog: changelogCommand,
  demo: demoCommand,
  repo: repoCommand,
  revert: revertCommand,
  export: exportCommand,
  diff: diffCommand,
  hotfix: hotfixCommand,
  recover: recoverCommand
};
async function run(argv, env = process.env) {
  const [name, ...rest] = argv;
  const ctx = {
    get env() {
      return env;
    },
    print: (line) => process.stdout.write(`${line}
`),
    printJson: (value) => process.stdout.write(`${JSON.stringify(value, null, 2)}
`),
    reporter: (opts) => terminalReporter({ quiet: Boolean(opts?.json) }),
    stdinIsTTY: Boolean(process.stdin.isTTY)
  };
  if (!name || name === "--help" || name === "-h" || name === "help") {
    process.stdout.write(`${USAGE}
`);
    return name ? ExitCode.ok : ExitCode.badInput;
  }
  if (name === "--version") {
    process.stdout.write(`${"0.1.0"}
`);
    return ExitCode.ok;
  }
  if (rest.includes("--password-stdin")) {
    rest.splice(rest.indexOf("--password-stdin"), 1);
    env = { ...env, UPLEVEL_PASSWORD: (await readStdin()).replace(/\r?\n$/, "") };
  }
  const command = COMMANDS[name];
  if (!command) {
    process.stderr.write(`uplevel: unknown command "${name}" (uplevel --help lists them)
`);
    return ExitCode.badInput;
  }
  try {
    return await command(rest, ctx);
  } catch (caught) {
    const e = fromSystemError(caught) ?? caught;
    if (isUplevelError(e)) {
      process.stderr.write(`uplevel ${name}: ${e.message}
`);
      for (const d of e.details) process.stderr.write(`  ${d}
`);
      return e.exitCode;
    }
    const err = e;
    process.stderr.write(
      `uplevel ${name}: unexpected failure (a bug): ${err?.stack ?? String(e)}
`
    );
    return ExitCode.bug;
  }
}
async function readStdin() {
  const chunks = [];
  for await (const chunk of process.stdin) chunks.push(chunk);
  return Buffer.concat(chunks).toString("utf8");
}
run(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (e) => {
    process.stderr.write(
      `uplevel: unexpected failure (a bug): ${e?.stack ?? String(e)}
`
    );
    process.exitCode = ExitCode.bug;
  }
);
export {
  run
};
