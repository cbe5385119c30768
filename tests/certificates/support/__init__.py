"""What the certificate tests share that is neither a factory nor a fixture: staff users for the admin, building
and checking Open Badges credentials, running the independent verifier."""
