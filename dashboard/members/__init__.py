"""Members: schema <- load <- filters, transform, export <- figures; and the Alliance's own record that checks them."""
