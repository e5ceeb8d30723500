// The demo dealership's city: Guangzhou (area code 020, plates 粤A). Districts are weighted
// roughly by registered vehicles; a few real main roads per district make the addresses
// look like the ones front-desk staff type.
export const city = {
  name: '广州市',
  areaCode: '020',
  plateProvince: '粤',
  plateAuthority: 'A',
};

export interface District {
  name: string;
  weight: number;
  roads: readonly string[];
}

export const districts: readonly District[] = [
  { name: '天河区', weight: 16, roads: ['天河路', '体育西路', '黄埔大道西', '中山大道西', '天河北路', '林和西路'] },
  { name: '越秀区', weight: 9, roads: ['环市东路', '中山五路', '东风中路', '北京路', '解放北路', '农林下路'] },
  { name: '海珠区', weight: 12, roads: ['江南大道中', '新港西路', '工业大道北', '昌岗中路', '宝岗大道'] },
  { name: '荔湾区', weight: 7, roads: ['中山八路', '芳村大道中', '龙津西路', '康王中路'] },
  { name: '白云区', weight: 14, roads: ['白云大道北', '机场路', '广园中路', '同和路', '云城东路'] },
  { name: '黄埔区', weight: 8, roads: ['开创大道', '科学大道', '黄埔东路', '香雪三路'] },
  { name: '番禺区', weight: 14, roads: ['市桥大北路', '迎宾路', '番禺大道北', '汉溪大道东', '兴南大道'] },
  { name: '花都区', weight: 7, roads: ['新华路', '迎宾大道', '凤凰北路', '云山大道'] },
  { name: '南沙区', weight: 4, roads: ['进港大道', '环市大道南', '金隆路'] },
  { name: '从化区', weight: 3, roads: ['河滨北路', '街口大道', '城康路'] },
  { name: '增城区', weight: 6, roads: ['荔城大道', '增城大道', '新塘大道西', '府佑路'] },
];

export const estateNames = ['花园', '雅苑', '新村', '华庭', '公馆', '御景', '名苑', '广场', '山庄', '小区'];
export const estatePrefixes = ['翠湖', '金碧', '锦绣', '丽江', '星河', '碧桂', '珠江', '中海', '保利', '富力', '恒大', '时代'];

/**
 * Plate prefixes of cars serviced here: mostly the city's own 粤A, then the rest of Guangdong,
 * then the provinces most Guangzhou residents come from. Weights are per 1,000 vehicles.
 */
export const platePrefixes: readonly (readonly [string, number])[] = [
  ['粤A', 820], ['粤B', 18], ['粤E', 20], ['粤S', 12], ['粤T', 8], ['粤Y', 8], ['粤R', 6], ['粤Q', 6],
  ['粤H', 5], ['粤C', 5], ['粤F', 5], ['粤M', 4], ['粤L', 4], ['粤D', 3],
  ['湘A', 12], ['湘E', 4], ['桂A', 8], ['桂K', 3], ['赣A', 6], ['鄂A', 6], ['川A', 5],
  ['豫A', 4], ['闽A', 4], ['琼A', 3], ['贵A', 2], ['苏A', 2], ['浙A', 2], ['京A', 2], ['沪A', 2],
];
