"""Photos and documents attached to the records of any area: the table, the upload checks (with
the owning area's error codes), their loaders and GraphQL type, and the download endpoint.
An attachment is as visible as what it is attached to."""
