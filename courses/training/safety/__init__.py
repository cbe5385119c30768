"""K3 (occupational safety) of a workshop: its induction (a course completed within a validity period and the
personal protective equipment checklist a trainee acknowledges), the gate it puts on practice, and the incident log
(docs/training-cycle.md, "K3 induction")."""
