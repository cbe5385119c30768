"""The placement plugin's admin: labour-market demand (what employers will need), for centre staff."""
