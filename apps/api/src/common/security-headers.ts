import type { RequestHandler } from 'express';
import helmet from 'helmet';

/** One year, the usual HSTS lifetime; no `includeSubDomains`: a LAN name's siblings are not ours. */
const HSTS = 'max-age=31536000';

/**
 * S-21 headers. Phones open the studio at a LAN address over plain HTTP, so nothing may push a
 * browser to HTTPS on its own: no `upgrade-insecure-requests` (it turned every script and icon
 * into a failing https request, a blank page) and HSTS only on connections that are HTTPS
 * already (TLS_CERT_FILE, or a proxy saying so with TRUST_PROXY). The opener policy goes with
 * HSTS: a browser ignores it on a plain-HTTP LAN address and logs an error for every page.
 */
export function securityHeaders(): RequestHandler {
  const headers = helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        scriptSrcAttr: ["'none'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        mediaSrc: ["'self'", 'blob:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        workerSrc: ["'self'"],
        manifestSrc: ["'self'"],
        frameAncestors: ["'none'"],
        formAction: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
      },
    },
    strictTransportSecurity: false,
    crossOriginOpenerPolicy: false,
    referrerPolicy: { policy: 'same-origin' },
  });
  return (request, response, next) => {
    if (request.secure) {
      response.setHeader('Strict-Transport-Security', HSTS);
      response.setHeader('Cross-Origin-Opener-Policy', 'same-origin');
    }
    headers(request, response, next);
  };
}
