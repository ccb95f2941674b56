// Type declarations for the untyped PNG chunk packages (png-chunks-extract/-encode, png-chunk-text).
declare module 'png-chunks-extract' {
  function extractChunks(data: Uint8Array): { name: string; data: Uint8Array }[];
  export = extractChunks;
}

declare module 'png-chunks-encode' {
  function encodeChunks(chunks: { name: string; data: Uint8Array }[]): Uint8Array;
  export = encodeChunks;
}

declare module 'png-chunk-text' {
  export function encode(keyword: string, content: string): { name: string; data: Uint8Array };
  export function decode(data: Uint8Array): { keyword: string; text: string };
}
