/** Where the package's own folders are, found from this file (src/ or dist/: one level below the root). */
import { join, sep } from "node:path";
import { fileURLToPath } from "node:url";

/** The package's root folder (with a trailing separator). */
export const PACKAGE_ROOT = fileURLToPath(new URL("../", import.meta.url));

/** The bundled templates' folder, with a trailing separator: `file.startsWith(BUNDLED_TEMPLATES)` tells one of their files. */
export const BUNDLED_TEMPLATES = join(PACKAGE_ROOT, "templates") + sep;
