package io.disputeflow.insight;

import io.disputeflow.complaint.Product;

/** What intake is counted by, for early warnings: a complaint table column and the labels of its values. */
enum IntakeDimension {
  CATEGORY("category"),
  PRODUCT("product");

  /** Our own constant, never user input, so it may be placed in SQL. */
  final String column;

  IntakeDimension(String column) {
    this.column = column;
  }

  String label(String value) {
    if (this == CATEGORY) {
      return CategoryLabels.of(value);
    }
    try {
      return Product.valueOf(value).label();
    } catch (IllegalArgumentException unknown) {
      return value;
    }
  }
}
