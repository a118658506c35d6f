import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { startFirstScreenRead } from '@/lib/db/first-screen-read';

/** popup.html's first script: the stored first screen is read while the popup's modules load. */
export default defineUnlistedScript(() => startFirstScreenRead());
