import { defineWords } from '../i18n/words';

/** The search box in the header. */
export const searchWords = defineWords({
  en: {
    label: 'Search programs, organisations and activities',
    placeholder: 'Search, in Thai or English',
    programs: 'Programs',
    organizations: 'Organisations',
    activities: 'Activities',
    nothing: 'Nothing matches “{{search}}”.',
    searching: 'Searching…',
  },
  th: {
    label: 'ค้นหาโครงการ หน่วยงาน และกิจกรรม',
    placeholder: 'ค้นหา เป็นภาษาไทยหรืออังกฤษ',
    programs: 'โครงการ',
    organizations: 'หน่วยงาน',
    activities: 'กิจกรรม',
    nothing: 'ไม่พบสิ่งที่ตรงกับ “{{search}}”',
    searching: 'กำลังค้นหา…',
  },
});
