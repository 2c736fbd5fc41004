@Schema(version = 2)
package shop;

import dev.schemac.annotations.Schema;
