import { defineWords } from '../i18n/words';

/** Picking and registering organisations; the organisation pages add theirs here. */
export const organizationsWords = defineWords({
  en: {
    picker: {
      placeholder: 'Type to search, in Thai or English',
      nothingFound: 'No organisation by that name.',
      register: 'Register a new organisation: “{{name}}”',
    },
    register: {
      title: 'Register a new organisation',
      nameTh: 'Name in Thai',
      nameEn: 'Name in English',
      nameZh: 'Name in Chinese',
      kind: 'Kind',
      country: 'Country (ISO code, e.g. TH)',
      submit: 'Register',
    },
    kind: {
      MINISTRY: 'Ministry',
      DEPARTMENT: 'Department',
      EMBASSY: 'Embassy',
      CONSULATE: 'Consulate',
      COMPANY: 'Company',
      ASSOCIATION: 'Association',
      INTERNATIONAL_ORGANIZATION: 'International organisation',
      OTHER: 'Other',
    },
  },
  th: {
    picker: {
      placeholder: 'พิมพ์เพื่อค้นหา เป็นภาษาไทยหรืออังกฤษ',
      nothingFound: 'ไม่พบหน่วยงานชื่อนี้',
      register: 'ลงทะเบียนหน่วยงานใหม่: “{{name}}”',
    },
    register: {
      title: 'ลงทะเบียนหน่วยงานใหม่',
      nameTh: 'ชื่อภาษาไทย',
      nameEn: 'ชื่อภาษาอังกฤษ',
      nameZh: 'ชื่อภาษาจีน',
      kind: 'ประเภท',
      country: 'ประเทศ (รหัส ISO เช่น TH)',
      submit: 'ลงทะเบียน',
    },
    kind: {
      MINISTRY: 'กระทรวง',
      DEPARTMENT: 'กรม',
      EMBASSY: 'สถานเอกอัครราชทูต',
      CONSULATE: 'สถานกงสุล',
      COMPANY: 'บริษัท',
      ASSOCIATION: 'สมาคม',
      INTERNATIONAL_ORGANIZATION: 'องค์การระหว่างประเทศ',
      OTHER: 'อื่น ๆ',
    },
  },
});
