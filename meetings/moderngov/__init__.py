"""Import a council's history from Modern.Gov's public web service (mgWebService.asmx)."""
