// Loaded only through useLazyChart (kind "radar"), so ECharts lands in its own lazy chunk.

import { RadarChart } from 'echarts/charts';
import { LegendComponent, RadarComponent } from 'echarts/components';
import { init, use } from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';

use([RadarChart, RadarComponent, LegendComponent, SVGRenderer]);

export { init };
