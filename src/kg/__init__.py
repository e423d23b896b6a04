"""kg: Chinese quality-work reports to an RDF knowledge graph.

Data flows one way: reading -> nlp (entities) -> relations -> rdfmap -> store -> query/viz/export.
"""

__version__ = "0.1.0"
