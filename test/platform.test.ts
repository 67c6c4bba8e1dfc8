/** Windows and macOS (issue #23, item 15): where kader looks for a browser to print PDF with. */
import { describe, expect, it } from 'vitest';
import { findChromium, knownLocations } from '../src/cli/pdf.js';

describe('where kader looks for Chromium', () => {
  it('on Windows: Chrome, Chromium and Edge under Program Files and the user\'s AppData', () => {
    const env = { PROGRAMFILES: 'C:\\Program Files', 'PROGRAMFILES(X86)': 'C:\\Program Files (x86)', LOCALAPPDATA: 'C:\\Users\\a\\AppData\\Local' };
    const places = knownLocations(env, 'win32');
    expect(places).toContain('C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe');
    expect(places).toContain('C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe');
    expect(places).toContain('C:\\Users\\a\\AppData\\Local\\Google\\Chrome\\Application\\chrome.exe');
  });

  it('on macOS: the app bundles in /Applications; on Linux only PATH and CHROME_PATH', () => {
    expect(knownLocations({}, 'darwin')).toContain('/Applications/Google Chrome.app/Contents/MacOS/Google Chrome');
    expect(knownLocations({ PROGRAMFILES: 'C:\\Program Files' }, 'linux')).toEqual([]);
    expect(findChromium({ PATH: '' }, 'linux')).toBeUndefined();
  });
});
