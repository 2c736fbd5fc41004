@Schema(version = 3)
package com.example.shop;

import dev.schemac.annotations.*;
