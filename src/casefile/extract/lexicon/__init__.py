"""Word lists, patterns and thresholds the extractors share, as named constants, one
module per topic (entities, quotes, times, events). General English news conventions
only: nothing here names a person, group or phrase from any particular article.
"""
