@Schema(version = 2)
package com.example.shop;

import dev.schemac.annotations.*;
