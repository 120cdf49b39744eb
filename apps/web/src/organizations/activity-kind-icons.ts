import { IconBuildingStore, IconMapPin, IconPresentation, IconUsers } from '@tabler/icons-react';

/** An icon per kind of activity, so a timeline reads at a glance (always with the kind as its label). */
export const KIND_ICONS = { MEETING: IconUsers, SITE_VISIT: IconMapPin, FAIR: IconBuildingStore, WORKSHOP: IconPresentation } as const;
