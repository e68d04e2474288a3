"""Column dtypes of the released tables (pandas side; Arrow types follow from these)."""

from typing import Annotated

import pandas as pd
import pyarrow as pa
from pandera.typing import Series

Text = Series[str]
Count = Series[pd.Int64Dtype]
Date = Series[pd.Timestamp]
Float = Series[pd.Float64Dtype]
Flag = Series[pd.BooleanDtype]
TextList = Series[Annotated[pd.ArrowDtype, pa.list_(pa.string())]]
