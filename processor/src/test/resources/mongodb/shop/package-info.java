@Schema(version = 1)
package shop;

import dev.schemac.annotations.Schema;
