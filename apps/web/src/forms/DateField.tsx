import { ActionIcon, Popover, TextInput, type TextInputProps } from '@mantine/core';
import { DatePicker } from '@mantine/dates';
import { IconCalendar } from '@tabler/icons-react';
import dayjs from 'dayjs';
import 'dayjs/locale/th';
import buddhistEra from 'dayjs/plugin/buddhistEra';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate, parseDateInput } from '../format/dates';
import { currentLanguage } from '../i18n/i18n';

dayjs.extend(buddhistEra);

interface DateFieldProps extends Omit<TextInputProps, 'value' | 'onChange' | 'error'> {
  /** ISO date ("2019-12-16") or null. */
  value: string | null;
  onChange(value: string | null): void;
  /** An error from elsewhere (the API naming this field); a typing error is the field's own. */
  error?: string | null;
}

/**
 * A date typed as people write it ("๑๖ ธันวาคม ๒๕๖๒", "16/12/2562", "16 Dec 2019") or picked from
 * a calendar that counts years in the Buddhist Era in Thai. Read by the API's own rules
 * (format/dates.ts); shown again in the reader's language once read. What cannot be read stays
 * as typed, with the error at the field, and the value is null.
 */
export function DateField({ value, onChange, error, label, ...props }: DateFieldProps) {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n);
  const [text, setText] = useState(() => (value ? formatDate(value, language) : ''));
  const [typingError, setTypingError] = useState<string | null>(null);
  const [opened, setOpened] = useState(false);

  // A value set from outside (a draft restored, the picker, a language switch) is shown formatted.
  useEffect(() => {
    setText((current) => {
      const typed = parseDateInput(current);
      if (value === null) return typed.ok ? '' : current;
      return typed.ok && typed.iso === value && current === formatDate(value, language) ? current : formatDate(value, language);
    });
  }, [value, language]);

  const read = () => {
    if (text.trim() === '') {
      setTypingError(null);
      onChange(null);
      return;
    }
    const parsed = parseDateInput(text);
    if (parsed.ok) {
      setTypingError(null);
      setText(formatDate(parsed.iso, language));
      onChange(parsed.iso);
    } else {
      setTypingError(t('date.invalid'));
      onChange(null);
    }
  };

  return (
    <TextInput
      {...props}
      label={label}
      value={text}
      onChange={(event) => setText(event.currentTarget.value)}
      onBlur={read}
      onKeyDown={(event) => {
        if (event.key === 'Enter') read();
      }}
      error={typingError ?? error}
      rightSection={
        <Popover opened={opened} onChange={setOpened} position="bottom-end" trapFocus>
          <Popover.Target>
            <ActionIcon variant="subtle" aria-label={t('date.pick')} onClick={() => setOpened((o) => !o)}>
              <IconCalendar size={18} />
            </ActionIcon>
          </Popover.Target>
          <Popover.Dropdown>
            <DatePicker
              locale={language}
              value={value}
              defaultDate={value ?? undefined}
              monthLabelFormat={language === 'th' ? 'MMMM BBBB' : 'MMMM YYYY'}
              yearLabelFormat={language === 'th' ? 'BBBB' : 'YYYY'}
              yearsListFormat={language === 'th' ? 'BBBB' : 'YYYY'}
              decadeLabelFormat={(start, end) => (language === 'th' ? `${dayjs(start).format('BBBB')} – ${dayjs(end).format('BBBB')}` : `${dayjs(start).format('YYYY')} – ${dayjs(end).format('YYYY')}`)}
              onChange={(picked) => {
                setOpened(false);
                setTypingError(null);
                onChange(picked);
              }}
            />
          </Popover.Dropdown>
        </Popover>
      }
    />
  );
}
