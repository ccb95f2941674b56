import { contentDisposition } from './content-disposition';

describe('S-24 sanitised Content-Disposition', () => {
  it.each<[string, 'inline' | 'attachment', string, string]>([
    ['a plain name', 'inline', '0190a5b2-7c3d-7e4f-8a1b-000000000001.png', 'inline; filename="0190a5b2-7c3d-7e4f-8a1b-000000000001.png"'],
    ['quotes and a header break', 'attachment', 'a"b\r\nX-Evil: 1.png', `attachment; filename="a_b__X-Evil: 1.png"; filename*=UTF-8''a%22b__X-Evil%3A%201.png`],
    ['path separators', 'attachment', '../../etc/passwd', `attachment; filename=".._.._etc_passwd"`],
    ['non-ASCII', 'attachment', 'Café 東京-20250101-120000-42.png', `attachment; filename="Cafe __-20250101-120000-42.png"; filename*=UTF-8''Caf%C3%A9%20%E6%9D%B1%E4%BA%AC-20250101-120000-42.png`],
  ])('%s', (_name, type, fileName, header) => {
    expect(contentDisposition(type, fileName)).toBe(header);
  });
});
