self.imported = "imported.js ran";
