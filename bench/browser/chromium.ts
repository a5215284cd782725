import { chromium, type Browser, type Page } from 'playwright-core';

export const CHROMIUM = process.env.WORDSPREAD_CHROMIUM ?? '/usr/bin/chromium';

/** How WebGL is drawn: SwiftShader here, or the flags given (e.g. ANGLE on EGL on a GPU machine). */
const GRAPHICS_FLAGS = process.env.WORDSPREAD_CHROMIUM_GRAPHICS?.split(/\s+/).filter(Boolean) ?? [
  '--disable-gpu',
  '--enable-unsafe-swiftshader',
  '--use-angle=swiftshader',
];

/**
 * Chromium as DESIGN.md ("Running in a real browser here") says: headless, software WebGL through
 * SwiftShader, no background traffic. Same flags as tests/e2e/browser.ts (copied: benches do not
 * import test files). On a machine with a GPU, WORDSPREAD_CHROMIUM_GRAPHICS replaces the SwiftShader
 * flags, so the same bench measures real-GPU frames.
 */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      ...GRAPHICS_FLAGS,
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });
}

export interface WebglInfo {
  version: string;
  renderer: string;
  software: boolean;
}

/** What draws WebGL in this browser: SwiftShader (or llvmpipe) means software rendering. */
export async function webglInfo(page: Page): Promise<WebglInfo> {
  return page.evaluate(() => {
    const canvas = document.createElement('canvas');
    const gl = (canvas.getContext('webgl2') ??
      canvas.getContext('webgl')) as WebGLRenderingContext | null;
    if (!gl) return { version: 'none', renderer: 'no WebGL', software: true };
    const debug = gl.getExtension('WEBGL_debug_renderer_info');
    const renderer = String(
      debug ? gl.getParameter(debug.UNMASKED_RENDERER_WEBGL) : gl.getParameter(gl.RENDERER),
    );
    return {
      version: String(gl.getParameter(gl.VERSION)),
      renderer,
      software: /swiftshader|llvmpipe|software/i.test(renderer),
    };
  });
}
