import { ValidationError } from './errors';
import { localizedText, optionalLocalizedText, sameLocalizedText } from './localized-text';

describe('LocalizedText', () => {
  it('keeps the languages given, trimmed', () => {
    expect(localizedText({ th: ' กรมการพัฒนาชุมชน ', en: 'Community Development Department', zh: '社区发展厅' }, 'name')).toStrictEqual({
      th: 'กรมการพัฒนาชุมชน',
      en: 'Community Development Department',
      zh: '社区发展厅',
    });
  });

  it('drops empty and null languages rather than storing them', () => {
    expect(localizedText({ th: '', en: 'Lazada', zh: null }, 'name')).toStrictEqual({ en: 'Lazada' });
  });

  it('needs at least one language with text', () => {
    expect(() => localizedText({ th: ' ', en: '' }, 'title')).toThrow(new ValidationError('title needs a Thai, English or Chinese text'));
    expect(() => localizedText(null, 'title')).toThrow(ValidationError);
  });

  it('names the field and language that is too long', () => {
    const error = captureError(() => localizedText({ en: 'x'.repeat(501) }, 'title'));
    expect(error).toBeInstanceOf(ValidationError);
    expect(error).toMatchObject({ field: 'title.en', message: 'title.en is longer than 500 characters' });
  });

  it('refuses a language made only of invisible or combining characters, naming it', () => {
    const error = captureError(() => localizedText({ en: 'Lazada', th: '\u0E34' }, 'name'));
    expect(error).toMatchObject({ field: 'name.th', message: 'name.th holds only invisible or combining characters; write visible text' });
    expect(captureError(() => optionalLocalizedText({ en: '\uFEFF' }, 'position'))).toMatchObject({ field: 'position.en' });
  });

  it('keeps Thai text with its marks', () => {
    expect(localizedText({ th: 'ที่ปรึกษา' }, 'title')).toStrictEqual({ th: 'ที่ปรึกษา' });
  });

  it('counts characters, not UTF-16 units', () => {
    expect(localizedText({ zh: '𠀀'.repeat(500) }, 'name').zh).toHaveLength(1000);
  });

  it('is null when optional and empty', () => {
    expect(optionalLocalizedText({ en: ' ' }, 'position')).toBeNull();
    expect(optionalLocalizedText(undefined, 'position')).toBeNull();
  });

  it('compares by content, whatever the key order', () => {
    expect(sameLocalizedText({ th: 'ก', en: 'A' }, { en: 'A', th: 'ก' })).toBe(true);
    expect(sameLocalizedText({ en: 'A' }, { en: 'A', zh: '甲' })).toBe(false);
  });
});

function captureError(fn: () => unknown): unknown {
  try {
    fn();
  } catch (error) {
    return error;
  }
  throw new Error('expected an error');
}
