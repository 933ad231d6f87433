import FrusModel

/// Writers turn the model into other formats, as pandoc's writers do: pure functions from a
/// document (and its volume) to text. Citation styles (Chicago, BibTeX, RIS, CSL-JSON) and
/// exports (Markdown) each live in a file of their own here; nothing here reads or writes files.
public enum Writers {}
